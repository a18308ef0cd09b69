-- By name: the staged columns go to the columns of the same name, in whatever order the Parquet holds them.
insert into fct_date_mention by name
select staged.*, $load_id as load_id
from read_parquet($staged) as staged;
