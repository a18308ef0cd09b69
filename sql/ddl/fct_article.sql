-- One row per article (any piece of a page: news, photo, column, editorial, notice, continuation, ad).
create table if not exists fct_article (
    article_key         varchar not null,  -- stable: hash of page identity, position and content
    page_id             varchar not null,
    date_key            integer not null,  -- dim_date; -1 when the date is unknown
    publication_key     varchar not null,  -- dim_publication; 'unknown'
    reporter_key        varchar not null,  -- first reporter (dim_reporter); 'unknown' when no byline names one
    page_number         integer,
    ordinal             integer not null,  -- position on the page, from 1
    kind                varchar not null,
    label               varchar,
    headline            varchar,
    subheadlines        varchar[],
    body                varchar,
    byline_credit       varchar,
    byline_affiliation  varchar,
    continues_from_page integer,
    continues_on_page   integer,
    char_count          integer not null,
    paragraph_count     integer not null,
    mention_count       integer not null,
    reporter_count      integer not null,
    term_count          integer not null,  -- search terms in the article (fct_article_term), BM25's length
    load_id             varchar not null
);
