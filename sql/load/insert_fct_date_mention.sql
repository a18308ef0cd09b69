insert into fct_date_mention
select staged.*, $load_id as load_id
from read_parquet($staged) as staged;
