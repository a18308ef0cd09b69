-- One row per reporter: keyed by e-mail where the byline gives one, else by name (and publication).
create table if not exists dim_reporter (
    reporter_key    varchar primary key,  -- hash of reporter_id
    reporter_id     varchar not null,     -- 'email:<address>' or 'name:<publication>:<name>'
    reporter_name   varchar,
    email           varchar,
    role            varchar,              -- 기자, 특파원, ... as first seen
    load_id         varchar not null      -- the load that added it ('seed' for the unknown member)
);
