-- Cross-references (관련기사 7면) and continuations (3면에 계속 / 1면에서 계속) between articles.
-- target_article_key is stitched whenever the target page is loaded, whichever arrives first.
create table if not exists fct_article_link (
    article_key         varchar not null,
    link_type           varchar not null,   -- cross_ref | continues_on | continues_from
    target_page_number  integer not null,
    target_article_key  varchar,            -- null until the target page is loaded (never for cross_ref pages with several articles)
    load_id             varchar not null
);
