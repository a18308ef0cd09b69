-- One row per direct quote in an article's body: who said it (a PERSON or ORG entity, else the unknown member),
-- with the title written where they are named and the reporting verb (sinmun.entities.quotes).
create table if not exists fct_quote (
    article_key        varchar not null,
    quote_ordinal      integer not null,   -- order of the quote in the article, from 1
    speaker_entity_key varchar not null,   -- dim_entity; 'unknown' when the speaker is unnamed
    speaker_type       varchar,            -- PERSON | ORG; null when unnamed
    title_as_written   varchar,            -- a person's title where the text names them as the speaker
    reporting_verb     varchar,            -- as written: 밝혔다, 말했다, 강조하며; null when none is written
    quote_text         varchar not null,   -- the quoted words, without the marks
    start_char         integer not null,   -- offsets of the quoted words into the body
    end_char           integer not null,
    load_id            varchar not null
);
