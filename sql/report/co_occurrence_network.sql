-- What it answers: the co-occurrence network: the $top people and the $top organizations named in the most
-- articles (the nodes), each with its edges: the other top entities named in the same articles, and how many.
-- Each edge is listed once, on the node whose entity_key sorts first.
-- Parameters: $top  how many people and how many organizations (e.g. 10)
--             $date_from  first publication date, inclusive, or null for no bound
--             $date_to    last publication date, inclusive, or null for no bound
with mention_in_range as (
    select article_key, entity_key, entity_type, canonical_name
    from mart_entity_mention
    where entity_type in ('PERSON', 'ORG')
        and not is_anonymous
        and ($date_from is null or publication_date >= cast($date_from as date))
        and ($date_to is null or publication_date <= cast($date_to as date))
),
total as (
    select
        entity_key,
        entity_type,
        canonical_name,
        count(distinct article_key) as articles,
        count(*) as mentions
    from mention_in_range
    group by all
),
ranked as (
    select
        *,
        row_number() over (
            partition by entity_type order by articles desc, mentions desc, canonical_name
        ) as rank_in_type
    from total
),
node as (
    select * from ranked where rank_in_type <= cast($top as integer)
),
node_in_article as (
    select distinct mention_in_range.article_key, node.entity_key
    from mention_in_range
    join node on node.entity_key = mention_in_range.entity_key
),
edge as (
    select
        first.entity_key as entity_key_a,
        second.entity_key as entity_key_b,
        count(*) as articles
    from node_in_article as first
    join node_in_article as second
        on second.article_key = first.article_key
        and second.entity_key > first.entity_key
    group by first.entity_key, second.entity_key
),
final as (
    select
        node.entity_type,
        node.rank_in_type,
        node.canonical_name,
        node.articles,
        node.mentions,
        list(
            struct_pack(entity_b := partner.canonical_name, type_b := partner.entity_type, articles := edge.articles)
            order by edge.articles desc, partner.canonical_name
        ) filter (where edge.entity_key_b is not null) as edges
    from node
    left join edge on edge.entity_key_a = node.entity_key
    left join node as partner on partner.entity_key = edge.entity_key_b
    group by all
)
select * from final
order by entity_type desc, rank_in_type;
