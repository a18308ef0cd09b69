-- Reporters' output and beats: how many articles each wrote, and the entities and places they cover most.
-- Parameters:
--   $top  integer, default 5: how many entities to list per reporter
with reporter_article as (
    select bridge.reporter_key, bridge.article_key
    from bridge_article_reporter as bridge
),
output as (
    select reporter_key, count(*) as articles
    from reporter_article
    group by reporter_key
),
entity_in_article as (
    select distinct mention.article_key, mention.entity_key
    from fct_entity_mention as mention
),
coverage as (
    select
        reporter_article.reporter_key,
        entity_in_article.entity_key,
        count(*) as articles
    from reporter_article
    join entity_in_article on entity_in_article.article_key = reporter_article.article_key
    group by reporter_article.reporter_key, entity_in_article.entity_key
),
ranked as (
    select
        coverage.reporter_key,
        coverage.articles,
        entity.canonical_name,
        entity.entity_type,
        row_number() over (
            partition by coverage.reporter_key order by coverage.articles desc, entity.canonical_name
        ) as rank_for_reporter
    from coverage
    join dim_entity as entity on entity.entity_key = coverage.entity_key
),
final as (
    select
        reporter.reporter_name,
        reporter.email,
        output.articles,
        list(ranked.canonical_name order by ranked.rank_for_reporter)
            filter (where ranked.rank_for_reporter <= cast($top as integer)) as top_entities,
        list(ranked.canonical_name order by ranked.rank_for_reporter)
            filter (where ranked.entity_type = 'LOCATION') as places
    from output
    join dim_reporter as reporter on reporter.reporter_key = output.reporter_key
    left join ranked on ranked.reporter_key = output.reporter_key
    group by reporter.reporter_name, reporter.email, output.articles
)
select * from final
order by articles desc, reporter_name;
