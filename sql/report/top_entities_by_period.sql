-- What it answers: the most mentioned people, organizations and places over the whole warehouse ($top of each
-- type), and how often each was mentioned in each day or week (periods without a mention are left out).
-- Parameters: $grain  day | week | month
--             $top    how many entities of each type (e.g. 10)
--             $date_from  first publication date, inclusive, or null for no bound
--             $date_to    last publication date, inclusive, or null for no bound
with mention as (
    select
        entity_type,
        canonical_name,
        article_key,
        cast(date_trunc($grain, publication_date) as date) as period_start
    from mart_entity_mention
    where entity_type in ('PERSON', 'ORG', 'LOCATION')
        and not is_anonymous
        and publication_date is not null
        and ($date_from is null or publication_date >= cast($date_from as date))
        and ($date_to is null or publication_date <= cast($date_to as date))
),
total as (
    select entity_type, canonical_name, count(*) as mentions, count(distinct article_key) as articles
    from mention
    group by all
),
ranked as (
    select
        *,
        row_number() over (
            partition by entity_type order by mentions desc, articles desc, canonical_name
        ) as rank_in_type
    from total
)
select
    ranked.entity_type,
    ranked.rank_in_type,
    ranked.canonical_name,
    ranked.mentions as total_mentions,
    ranked.articles as total_articles,
    mention.period_start,
    count(*) as mentions
from ranked
join mention on mention.entity_type = ranked.entity_type and mention.canonical_name = ranked.canonical_name
where ranked.rank_in_type <= cast($top as integer)
group by all
order by ranked.entity_type, ranked.rank_in_type, mention.period_start;
