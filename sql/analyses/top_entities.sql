-- Top entities by period: which people, organizations or places are mentioned most, week by week or month by month.
-- Parameters:
--   $entity_type  one of PERSON | ORG | LOCATION, default PERSON: the kind of entity
--   $grain        one of week | month, default week: the period
--   $top          integer, default 10: how many per period
--   $anonymous    one of exclude | include, default exclude: people the articles do not name (A씨, 김모씨)
with mention as (
    select
        entity_key,
        canonical_name,
        cast(date_trunc($grain, publication_date) as date) as period_start,
        article_key
    from mart_entity_mention
    where entity_type = $entity_type and publication_date is not null
        and ($anonymous = 'include' or not is_anonymous)
),
counted as (
    select
        period_start,
        entity_key,  -- each article's A씨 is a person of its own
        canonical_name,
        count(*) as mentions,
        count(distinct article_key) as articles
    from mention
    group by all
),
final as (
    select
        period_start,
        rank() over (partition by period_start order by mentions desc) as rank_in_period,
        canonical_name,
        mentions,
        articles
    from counted
)
select * from final
where rank_in_period <= cast($top as integer)
order by period_start, rank_in_period, canonical_name;
