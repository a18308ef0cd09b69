-- Bridge between an article and each of its reporters (several for a joint byline).
create table if not exists bridge_article_reporter (
    article_key      varchar not null,
    reporter_key     varchar not null,
    reporter_ordinal integer not null,   -- order in the byline, from 1
    load_id          varchar not null
);
