-- By name: warehouses created before reader_version existed have it added as their last column.
insert into ledger_page by name
select staged.*, $load_id as load_id, $loaded_at as loaded_at, true as is_current
from read_parquet($staged) as staged;
