insert into fct_article_term
select staged.*, $load_id as load_id
from read_parquet($staged) as staged;
