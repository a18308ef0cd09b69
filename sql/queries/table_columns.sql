-- The columns of every table in the database, in order, with their DuckDB types (sinmun.store.warehouse.ddl_columns
-- describes the DDL in an empty in-memory database this way).
select table_name, column_name, data_type
from duckdb_columns()
where database_name = current_database() and schema_name = 'main'
order by table_name, column_index
