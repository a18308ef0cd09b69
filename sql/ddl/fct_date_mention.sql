-- Dates written in articles, resolved against the publication date.
create table if not exists fct_date_mention (
    article_key     varchar not null,
    mention_text    varchar not null,
    date_key        integer not null,    -- dim_date; -1 when unresolved
    mentioned_date  date,
    date_precision  varchar not null,    -- day | month | year
    start_char      integer not null,
    end_char        integer not null,
    load_id         varchar not null
);
