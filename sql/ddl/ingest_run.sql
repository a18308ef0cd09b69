-- One row per ingest run: how every file it saw was accounted for (seen = loaded + skipped + quarantined;
-- files still being written are deferred to a later run and not counted as seen). A run that loads and
-- quarantines nothing leaves the warehouse unchanged and writes no row; its summary is printed and logged.
create table if not exists ingest_run (
    run_id                   varchar primary key,
    flow_run_id              varchar,             -- the Prefect flow run (scheduled or called directly)
    inbox                    varchar not null,
    code_version             varchar not null,
    started_at               timestamp not null,  -- UTC
    finished_at              timestamp not null,  -- UTC
    pages_seen               integer not null,
    pages_loaded             integer not null,
    pages_skipped_duplicate  integer not null,
    pages_quarantined        integer not null,
    pages_deferred           integer not null,
    articles_loaded          integer not null,
    mentions_loaded          integer not null,
    load_count               integer not null
);
