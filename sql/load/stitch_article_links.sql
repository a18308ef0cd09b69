-- Stitch continuations across pages, whichever page was loaded first: 'continues_on N' points to the
-- continuation fragment on page N of the same paper and day that says it continues from this page, and
-- 'continues_from N' to the article on page N that says it continues on this page. Runs after every load,
-- so a link waiting for its page is stitched when that page arrives, and re-stitched if a page is replaced.
with source_article as (
    select article_key, publication_key, date_key, page_number
    from fct_article
),
candidate as (
    select
        link.article_key,
        link.link_type,
        link.target_page_number,
        target.article_key as target_article_key,
        row_number() over (
            partition by link.article_key, link.link_type, link.target_page_number order by target.ordinal
        ) as rank_on_page
    from fct_article_link as link
    join source_article as origin on origin.article_key = link.article_key
    join fct_article as target
        on target.publication_key = origin.publication_key
        and target.date_key = origin.date_key
        and target.page_number = link.target_page_number
        and origin.publication_key <> 'unknown'
        and origin.date_key <> -1
        and (
            (link.link_type = 'continues_on' and target.continues_from_page = origin.page_number)
            or (link.link_type = 'continues_from' and target.continues_on_page = origin.page_number)
        )
)
update fct_article_link
set target_article_key = candidate.target_article_key
from candidate
where candidate.rank_on_page = 1
    and fct_article_link.article_key = candidate.article_key
    and fct_article_link.link_type = candidate.link_type
    and fct_article_link.target_page_number = candidate.target_page_number
    and fct_article_link.target_article_key is distinct from candidate.target_article_key;

-- A link whose target was replaced by a new version of its page and not found again is unstitched.
update fct_article_link
set target_article_key = null
where target_article_key is not null
    and target_article_key not in (select article_key from fct_article);
