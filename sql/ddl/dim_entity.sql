-- One row per person, organization or place across the whole corpus, under its canonical name; an anonymised
-- person (A씨, 김모씨) is one row per article that names it, never one across articles.
create table if not exists dim_entity (
    entity_key      varchar primary key,  -- hash of (entity_type, canonical_name), and the article for an anonymised person
    entity_type     varchar not null,     -- PERSON | ORG | LOCATION | UNKNOWN
    canonical_name  varchar not null,
    aliases         varchar[],            -- other names the texts used for it
    place_key       varchar not null,     -- for LOCATION: its dim_place row; else 'unknown'
    is_anonymous    boolean not null,     -- a person the article does not name (A씨, 김모(45)씨)
    load_id         varchar not null      -- the load that added it ('seed' for the unknown member)
);
