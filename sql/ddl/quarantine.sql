-- Every file an ingest refused, with its reason (empty, binary, nul-bytes, decode-error@<offset>, no-articles,
-- unreadable, too-large, outside-inbox, bad-manifest, not-a-file, same-page, failed-checks), recorded in the same
-- transaction as the load of its batch.
-- The file is moved out of the inbox to quarantine_path after that commit, unless it stays where it is
-- (quarantine_path null: a bad-manifest file waits in the inbox for its manifest row to be fixed; a path outside the
-- inbox is never touched). A file loaded later (fixed, or retried with sinmun quarantine retry) keeps its row,
-- with resolved_at set; a refusal dismissed (sinmun quarantine dismiss) has resolved_at and dismissed_at set.
create table if not exists quarantine (
    source_path      varchar not null,   -- path relative to the inbox
    quarantine_path  varchar,            -- where the file was moved to, if it was moved
    sha256           varchar,
    reason           varchar not null,
    detail           varchar,
    run_id           varchar not null,
    load_id          varchar not null,   -- the load that recorded it (load_ledger)
    quarantined_at   timestamp not null, -- UTC
    resolved_at      timestamp,
    dismissed_at     timestamp           -- UTC; set by sinmun quarantine dismiss (no retry needed)
);
-- A nullable column added in place to warehouses made before it (nothing else in the layout changes).
alter table quarantine add column if not exists dismissed_at timestamp;
