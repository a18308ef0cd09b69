insert into ledger_page
select staged.*, $load_id as load_id, $loaded_at as loaded_at, true as is_current
from read_parquet($staged) as staged;
