-- What it answers: how much the warehouse holds: articles, current pages, papers, mentions, reporters, the dates
-- covered, and when it was last loaded (the report's header).
-- Parameters: $date_from  first publication date, inclusive, or null for no bound
--             $date_to    last publication date, inclusive, or null for no bound
with article_in_range as (
    select *
    from mart_article
    where ($date_from is null or publication_date >= cast($date_from as date))
        and ($date_to is null or publication_date <= cast($date_to as date))
),
paper as (
    select distinct publication_name
    from article_in_range
    where publication_key <> 'unknown'
)
select
    (select count(*) from article_in_range) as articles,
    (select count(*) from article_in_range where publication_date is null) as undated_articles,
    (select count(distinct page_id) from article_in_range) as pages,
    (select count(*) from paper) as publications,
    (select list(publication_name order by publication_name) from paper) as publication_names,
    (select count(*) from fct_entity_mention semi join article_in_range using (article_key)) as entity_mentions,
    (select count(distinct entity_key) from fct_entity_mention semi join article_in_range using (article_key))
        as entities,
    (select count(distinct reporter_key) from bridge_article_reporter semi join article_in_range using (article_key))
        as reporters,
    (select min(publication_date) from article_in_range) as first_day,
    (select max(publication_date) from article_in_range) as last_day,
    (select max(loaded_at) from ledger_page) as last_loaded_at;
