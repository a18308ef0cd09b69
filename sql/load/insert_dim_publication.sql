-- Publications first seen in this batch (codes given on the command line that the list does not know): no name
-- or web domain is known for them.
insert into dim_publication by name
select staged.publication_key, $load_id as load_id
from read_parquet($staged) as staged
where staged.publication_key not in (select publication_key from dim_publication);
