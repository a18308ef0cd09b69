insert into fct_entity_mention
select staged.*, $load_id as load_id
from read_parquet($staged) as staged;
