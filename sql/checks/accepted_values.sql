-- An enumerated column holding a value outside its accepted set (sinmun.store.tables: Table.accepted; the kinds
-- are sinmun.pages.kinds.KINDS, the reader's). Run once per column, with $table, $column and $accepted bound.
-- Null is no value: a column that must be set is declared not null.
with column_values as (
    select columns(lambda c: c = $column) as value
    from query_table($table)
)

select $table || '.' || $column as column_name, value as bad_value, count(*) as row_count
from column_values
where value not in (select unnest(cast($accepted as varchar[])))
group by value
