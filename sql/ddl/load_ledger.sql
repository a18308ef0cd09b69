-- One row per load (a batch of pages committed together). A load is recorded here, with status
-- 'complete', only in the same transaction that commits its rows: a load that is not here never happened.
create table if not exists load_ledger (
    load_id        varchar primary key,   -- '<run id>-<batch number>'
    run_id         varchar not null,      -- one ingest run
    batch_number   integer not null,
    code_version   varchar not null,      -- sinmun version that parsed the pages
    started_at     timestamp not null,    -- UTC
    finished_at    timestamp not null,    -- UTC
    page_count     integer not null,
    article_count  integer not null,
    mention_count  integer not null,
    quarantined_count integer not null,  -- files of the batch refused, recorded in quarantine with this load id
    status         varchar not null       -- 'complete'
);
