-- What it answers: how much the warehouse holds: articles, current pages, papers, mentions, reporters, the dates
-- covered, and when it was last loaded (the report's header).
-- Parameters: none
with dated_article as (
    select calendar.calendar_date
    from fct_article as article
    join dim_date as calendar on calendar.date_key = article.date_key
),
paper as (
    select distinct publication.publication_name
    from fct_article as article
    join dim_publication as publication on publication.publication_key = article.publication_key
    where article.publication_key <> 'unknown'
)
select
    (select count(*) from fct_article) as articles,
    (select count(*) from dated_article where calendar_date is null) as undated_articles,
    (select count(*) from ledger_page where is_current) as pages,
    (select count(*) from paper) as publications,
    (select list(publication_name order by publication_name) from paper) as publication_names,
    (select count(*) from fct_entity_mention) as entity_mentions,
    (select count(distinct entity_key) from fct_entity_mention) as entities,
    (select count(distinct reporter_key) from bridge_article_reporter) as reporters,
    (select min(calendar_date) from dated_article) as first_day,
    (select max(calendar_date) from dated_article) as last_day,
    (select max(loaded_at) from ledger_page) as last_loaded_at;
