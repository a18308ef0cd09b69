insert into reprint_fingerprint
select staged.*, $load_id as load_id
from read_parquet($staged) as staged;
