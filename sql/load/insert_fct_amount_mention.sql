insert into fct_amount_mention
select staged.*, $load_id as load_id
from read_parquet($staged) as staged;
