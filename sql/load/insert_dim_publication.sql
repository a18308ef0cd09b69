-- Publications first seen in this batch (codes given on the command line that the list does not know).
insert into dim_publication
select staged.publication_key, null, null, $load_id
from read_parquet($staged) as staged
where staged.publication_key not in (select publication_key from dim_publication);
