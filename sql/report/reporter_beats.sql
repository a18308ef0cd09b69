-- What it answers: the $reporters most prolific reporters: their paper, articles by kind, and the people and
-- organizations, and the places, they cover most ($top of each, by number of their articles naming it).
-- A reporter is one dim_reporter row: a byline with an e-mail address and the same name without one are two.
-- Parameters: $reporters  how many reporters (e.g. 20)
--             $top        how many entities and places to list per reporter (e.g. 5)
--             $date_from  first publication date, inclusive, or null for no bound
--             $date_to    last publication date, inclusive, or null for no bound
with reporter_article as (
    select reporter_key, reporter_name, email, article_key, kind, publication_name
    from mart_reporter_article
    where ($date_from is null or publication_date >= cast($date_from as date))
        and ($date_to is null or publication_date <= cast($date_to as date))
),
output as (
    select reporter_key, reporter_name, email, count(*) as articles, mode(publication_name) as publication_name
    from reporter_article
    group by reporter_key, reporter_name, email
),
kind_count as (
    select reporter_key, kind, count(*) as articles
    from reporter_article
    group by all
),
kinds as (
    select reporter_key, list({'kind': kind, 'articles': articles} order by articles desc, kind) as kinds
    from kind_count
    group by reporter_key
),
coverage as (
    select
        reporter_article.reporter_key,
        mention.canonical_name,
        mention.entity_type,
        count(distinct reporter_article.article_key) as articles
    from reporter_article
    join mart_entity_mention as mention on mention.article_key = reporter_article.article_key
    where mention.entity_type in ('PERSON', 'ORG', 'LOCATION') and not mention.is_anonymous
    group by all
),
ranked as (
    select
        *,
        row_number() over (
            partition by reporter_key, entity_type = 'LOCATION' order by articles desc, canonical_name
        ) as rank_in_group
    from coverage
),
beat as (
    select
        reporter_key,
        list({'name': canonical_name, 'type': entity_type, 'articles': articles} order by rank_in_group)
            filter (where entity_type <> 'LOCATION') as top_entities,
        list({'name': canonical_name, 'articles': articles} order by rank_in_group)
            filter (where entity_type = 'LOCATION') as top_places
    from ranked
    where rank_in_group <= cast($top as integer)
    group by reporter_key
),
final as (
    select
        output.reporter_name,
        output.email,
        output.publication_name,
        output.articles,
        kinds.kinds,
        coalesce(beat.top_entities, []) as top_entities,
        coalesce(beat.top_places, []) as top_places,
        row_number() over (order by output.articles desc, output.reporter_name, output.email nulls last) as rank
    from output
    join kinds on kinds.reporter_key = output.reporter_key
    left join beat on beat.reporter_key = output.reporter_key
)
select * exclude (rank) from final
where rank <= cast($reporters as integer)
order by rank;
