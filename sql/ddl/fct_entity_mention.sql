-- One row per mention of an entity in an article.
create table if not exists fct_entity_mention (
    article_key      varchar not null,
    entity_key       varchar not null,
    mention_ordinal  integer not null,   -- order of the mention in the article, from 1
    mention_text     varchar not null,   -- as written
    title_as_written varchar,            -- for people: the title written beside the name at this mention
    text_field       varchar not null,   -- body | headline
    start_char       integer not null,   -- offsets into the field
    end_char         integer not null,
    load_id          varchar not null
);
