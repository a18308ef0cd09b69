-- What identifies a warehouse's state: its loads and runs (a published copy is current when these match).
select
    (select count(*) from load_ledger) as loads,
    (select max(load_id) from load_ledger) as last_load_id,
    (select count(*) from ingest_run) as runs;
