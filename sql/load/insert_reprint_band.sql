insert into reprint_band
select staged.*, $load_id as load_id
from read_parquet($staged) as staged
order by staged.band_hash;
