insert into bridge_article_reporter
select staged.*, $load_id as load_id
from read_parquet($staged) as staged;
