-- Top entities by period: which people, organizations or places are mentioned most, week by week or month by month.
-- Parameters:
--   $entity_type  one of PERSON | ORG | LOCATION, default PERSON: the kind of entity
--   $grain        one of week | month, default week: the period
--   $top          integer, default 10: how many per period
with mention as (
    select
        entity.canonical_name,
        cast(date_trunc($grain, calendar.calendar_date) as date) as period_start,
        fct_entity_mention.article_key
    from fct_entity_mention
    join dim_entity as entity on entity.entity_key = fct_entity_mention.entity_key
    join fct_article as article on article.article_key = fct_entity_mention.article_key
    join dim_date as calendar on calendar.date_key = article.date_key
    where entity.entity_type = $entity_type and calendar.calendar_date is not null
),
counted as (
    select
        period_start,
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
