-- One row per newspaper; 'unknown' for pages whose paper could not be told.
create table if not exists dim_publication (
    publication_key   varchar primary key,  -- the publication code, e.g. 'kwangju'
    publication_name  varchar,
    web_domain        varchar,
    load_id           varchar not null    -- the load that added it ('seed' for the known papers)
);
