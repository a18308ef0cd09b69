-- Amounts written in articles, as numbers with units.
create table if not exists fct_amount_mention (
    article_key     varchar not null,
    mention_text    varchar not null,
    amount_value    double not null,
    unit            varchar not null,    -- KRW, USD, percent, people, units, km, ...
    is_approximate  boolean not null,
    start_char      integer not null,
    end_char        integer not null,
    load_id         varchar not null
);
