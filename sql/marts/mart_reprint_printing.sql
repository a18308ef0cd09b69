-- mart_reprint_printing: one row per printing of a story printed more than once: an article of a reprint cluster,
-- with its paper, date and page, and its cluster's size and span. Key: article_key. Articles printed once have no
-- row. is_earliest marks the cluster's first printing (earliest date, then paper, page and position), and
-- cluster_first_date and cluster_last_date are the first and the latest printing's dates (null when unknown).
-- The reprints analysis and the report's reprint shares read this view.
create or replace view mart_reprint_printing as
with membership as (
    select * from bridge_article_reprint
),

cluster as (
    select * from dim_reprint_cluster
),

article as (
    select * from mart_article
),

calendar as (
    select * from dim_date
),

final as (
    select
        membership.article_key,
        membership.reprint_cluster_key,
        membership.is_earliest,
        article.publication_key,
        article.publication_name,
        article.date_key,
        article.publication_date,
        article.page_number,
        article.ordinal,
        article.headline,
        cluster.article_count as cluster_article_count,
        cluster.publication_count as cluster_publication_count,
        first_calendar.calendar_date as cluster_first_date,
        last_calendar.calendar_date as cluster_last_date
    from membership
    join cluster on cluster.reprint_cluster_key = membership.reprint_cluster_key
    join article on article.article_key = membership.article_key
    join calendar as first_calendar on first_calendar.date_key = cluster.first_date_key
    join calendar as last_calendar on last_calendar.date_key = cluster.last_date_key
)

select * from final;
