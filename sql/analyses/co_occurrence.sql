-- Who is mentioned with whom: pairs of entities named in the same article, with the number of such articles.
-- Parameters: $entity_type   PERSON | ORG | LOCATION | ANY (pairs of any types)
--             $min_articles  keep pairs seen in at least this many articles (e.g. 1)
with entity_in_article as (
    select distinct
        mention.article_key,
        entity.entity_key,
        entity.entity_type,
        entity.canonical_name
    from fct_entity_mention as mention
    join dim_entity as entity on entity.entity_key = mention.entity_key
    where $entity_type = 'ANY' or entity.entity_type = $entity_type
),
pairs as (
    select
        first.canonical_name as entity_a,
        first.entity_type as type_a,
        second.canonical_name as entity_b,
        second.entity_type as type_b,
        count(*) as articles
    from entity_in_article as first
    join entity_in_article as second
        on second.article_key = first.article_key
        and second.entity_key > first.entity_key
    group by all
)
select * from pairs
where articles >= cast($min_articles as integer)
order by articles desc, entity_a, entity_b;
