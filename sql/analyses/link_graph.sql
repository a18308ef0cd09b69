-- The cross-reference and continuation graph: each link from an article to a page, and the article it reaches
-- when that page is loaded.
-- Parameters: none
select
    link.link_type,
    origin.publication_key as publication,
    origin.publication_date as day,
    origin.page_number as from_page,
    origin.headline as from_headline,
    link.target_page_number as to_page,
    target.headline as to_headline,
    target.kind as to_kind
from fct_article_link as link
join mart_article as origin on origin.article_key = link.article_key
left join mart_article as target on target.article_key = link.target_article_key
order by day, publication, from_page, link_type, to_page;
