-- Rows whose load is not a complete load in the ledger: every row carries the load that wrote it, recorded in
-- load_ledger in the same transaction ('seed' for the rows of seeded tables, made with the schema). Run once per
-- table with a load_id column (but load_ledger), with $table and $seeded bound.
select $table || '.load_id -> load_ledger' as relationship, count(*) as orphan_rows
from query_table($table)
where load_id not in (select load_id from load_ledger where status = 'complete')
    and not ($seeded and load_id = 'seed')
having count(*) > 0
