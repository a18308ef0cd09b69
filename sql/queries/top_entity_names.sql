-- The most mentioned entities of one type over the whole warehouse (tests read it: no common word among them).
-- Parameters: $entity_type  PERSON | ORG | LOCATION
--             $top          how many
with mention as (
    select
        entity.canonical_name,
        fct_entity_mention.article_key
    from fct_entity_mention
    join dim_entity as entity on entity.entity_key = fct_entity_mention.entity_key
    where entity.entity_type = $entity_type
),
counted as (
    select
        canonical_name,
        count(*) as mentions,
        count(distinct article_key) as articles
    from mention
    group by all
),
final as (
    select canonical_name, mentions, articles
    from counted
    order by mentions desc, canonical_name
    limit cast($top as integer)
)
select * from final
