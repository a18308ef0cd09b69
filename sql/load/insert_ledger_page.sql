-- By name: the staged columns go to the columns of the same name, in whatever order the Parquet holds them (and
-- warehouses created before reader_version existed have it added as their last column).
insert into ledger_page by name
select staged.*, $load_id as load_id, $loaded_at as loaded_at, true as is_current
from read_parquet($staged) as staged;
