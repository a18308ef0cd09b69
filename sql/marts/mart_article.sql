-- mart_article: one row per article (any piece of a page), with its paper's name and its publication date.
-- Key: article_key. publication_date is null (and date_key -1) when the page's date is unknown; publication_name
-- is the unknown member's ('알 수 없음') when the paper is. Every question about articles by paper, day, page or kind
-- reads this view rather than joining fct_article to dim_publication and dim_date again.
create or replace view mart_article as
with article as (
    select * from fct_article
),

publication as (
    select * from dim_publication
),

calendar as (
    select * from dim_date
),

final as (
    select
        article.article_key,
        article.page_id,
        article.publication_key,
        publication.publication_name,
        article.date_key,
        calendar.calendar_date as publication_date,
        calendar.weekday_short_ko,
        article.page_number,
        article.ordinal,
        article.kind,
        article.label,
        article.headline,
        article.subheadlines,
        article.body,
        article.reporter_key,
        article.continues_from_page,
        article.continues_on_page,
        article.char_count,
        article.paragraph_count,
        article.mention_count,
        article.reporter_count,
        article.term_count
    from article
    join publication on publication.publication_key = article.publication_key
    join calendar on calendar.date_key = article.date_key
)

select * from final;
