-- Who is mentioned with whom: pairs of entities named in the same article, with the number of such articles.
-- Parameters:
--   $entity_type   one of PERSON | ORG | LOCATION | ANY, default PERSON: the entities paired (ANY: pairs of any types)
--   $min_articles  integer, default 1: keep pairs seen in at least this many articles
--   $anonymous     one of exclude | include, default exclude: people the articles do not name (A씨, 김모씨)
with entity_in_article as materialized (
    select distinct
        mention.article_key,
        mention.entity_key
    from mart_entity_mention as mention
    where ($entity_type = 'ANY' or mention.entity_type = $entity_type)
        and ($anonymous = 'include' or not mention.is_anonymous)
),
-- A pair seen in N articles has each of its entities in at least N articles: leave out the rarer ones first.
frequent_entity_in_article as (
    select article_key, entity_key
    from entity_in_article
    where entity_key in (
        select entity_key from entity_in_article group by entity_key having count(*) >= cast($min_articles as integer)
    )
),
pair as (
    select
        first.entity_key as entity_key_a,
        second.entity_key as entity_key_b,
        count(*) as articles
    from frequent_entity_in_article as first
    join frequent_entity_in_article as second
        on second.article_key = first.article_key
        and second.entity_key > first.entity_key
    group by first.entity_key, second.entity_key
    having count(*) >= cast($min_articles as integer)
),
final as (
    select
        entity_a.canonical_name as entity_a,
        entity_a.entity_type as type_a,
        entity_b.canonical_name as entity_b,
        entity_b.entity_type as type_b,
        pair.articles
    from pair
    join dim_entity as entity_a on entity_a.entity_key = pair.entity_key_a
    join dim_entity as entity_b on entity_b.entity_key = pair.entity_key_b
)
select * from final
order by articles desc, entity_a, entity_b;
