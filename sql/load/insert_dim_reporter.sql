-- Reporters first seen in this batch (by name: the staged columns go to the columns of the same name).
insert into dim_reporter by name
select staged.*, $load_id as load_id
from read_parquet($staged) as staged
where staged.reporter_key not in (select reporter_key from dim_reporter);
