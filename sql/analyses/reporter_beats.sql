-- Reporters' output and beats: how many articles each wrote, and the entities and places they cover most.
-- Parameters:
--   $top  integer, default 5: how many entities to list per reporter
with reporter_article as (
    select reporter_key, reporter_name, email, article_key
    from mart_reporter_article
),
output as (
    select reporter_key, reporter_name, email, count(*) as articles
    from reporter_article
    group by reporter_key, reporter_name, email
),
entity_in_article as (
    select distinct article_key, entity_key, canonical_name, entity_type
    from mart_entity_mention
    where not is_anonymous
),
coverage as (
    select
        reporter_article.reporter_key,
        entity_in_article.canonical_name,
        entity_in_article.entity_type,
        count(*) as articles
    from reporter_article
    join entity_in_article on entity_in_article.article_key = reporter_article.article_key
    group by all
),
ranked as (
    select
        *,
        row_number() over (partition by reporter_key order by articles desc, canonical_name) as rank_for_reporter
    from coverage
),
final as (
    select
        output.reporter_key,
        output.reporter_name,
        output.email,
        output.articles,
        list(ranked.canonical_name order by ranked.rank_for_reporter)
            filter (where ranked.rank_for_reporter <= cast($top as integer)) as top_entities,
        list(ranked.canonical_name order by ranked.rank_for_reporter)
            filter (where ranked.entity_type = 'LOCATION') as places
    from output
    left join ranked on ranked.reporter_key = output.reporter_key
    group by output.reporter_key, output.reporter_name, output.email, output.articles
)
select * exclude (reporter_key) from final
order by articles desc, reporter_name, email nulls last;
