-- Rows whose key is not found in the table it refers to (sinmun.store.tables: Table.references). Run once per
-- reference, with $table, $column, $parent and $parent_column bound. A null key refers to nothing (a key that must
-- be set is declared not null: not_null_keys.sql); every row's load: load_ids_in_ledger.sql.
with keyed as (
    select columns(lambda c: c = $column) as key_value
    from query_table($table)
)

select $table || '.' || $column || ' -> ' || $parent as relationship, count(*) as orphan_rows
from keyed
where key_value not in (select columns(lambda c: c = $parent_column) from query_table($parent))
having count(*) > 0
