-- Rows that share their table's grain (each row here is a failure). One statement for every table: run once per
-- table declared with a grain (sinmun.store.tables: Table.grain), with $table and $grain (its columns) bound.
with repeated as (
    select columns(lambda c: list_contains($grain, c)), count(*) as row_count
    from query_table($table)
    group by all
    having count(*) > 1
)

select
    $table || '.' || case when len($grain) = 1 then $grain[1] else '(' || array_to_string($grain, ', ') || ')' end
        as key_column,
    concat_ws('#', *columns(* exclude (row_count))) as key_value,
    row_count
from repeated
