-- mart_reporter_article: one row per article of one reporter (every reporter of a joint byline has a row), with
-- the reporter and the article's paper, date, page and kind. Key: (article_key, reporter_ordinal). A reporter is
-- one dim_reporter row: a byline with an e-mail address and the same name without one are two. Articles without a
-- byline have no row. Reporters' output and beats read this view.
create or replace view mart_reporter_article as
with byline as (
    select * from bridge_article_reporter
),

reporter as (
    select * from dim_reporter
),

article as (
    select * from mart_article
),

final as (
    select
        byline.reporter_key,
        byline.reporter_ordinal,
        reporter.reporter_name,
        reporter.email,
        byline.article_key,
        article.publication_key,
        article.publication_name,
        article.date_key,
        article.publication_date,
        article.page_number,
        article.kind,
        article.headline
    from byline
    join reporter on reporter.reporter_key = byline.reporter_key
    join article on article.article_key = byline.article_key
)

select * from final;
