-- Reporters first seen in this batch.
insert into dim_reporter
select staged.reporter_key, staged.reporter_id, staged.reporter_name, staged.email, staged.role, $load_id
from read_parquet($staged) as staged
where staged.reporter_key not in (select reporter_key from dim_reporter);
