-- Rows with a null key column (a table's grain and its other keys: sinmun.store.tables, Table.keys). Run once per
-- table, with $table and $keys bound. The DDL declares most keys not null; this holds a table to its declaration
-- whatever its DDL says.
select
    $table as table_name,
    count(*) - count(*) filter (where columns(lambda c: list_contains($keys, c)) is not null) as null_rows
from query_table($table)
having null_rows > 0
