-- One row per person, organization or place across the whole corpus, under its canonical name.
create table if not exists dim_entity (
    entity_key      varchar primary key,  -- hash of (entity_type, canonical_name)
    entity_type     varchar not null,     -- PERSON | ORG | LOCATION | UNKNOWN
    canonical_name  varchar not null,
    aliases         varchar[],            -- other names the texts used for it
    place_key       varchar not null,     -- for LOCATION: its dim_place row; else 'unknown'
    load_id         varchar not null      -- the load that added it ('seed' for the unknown member)
);
