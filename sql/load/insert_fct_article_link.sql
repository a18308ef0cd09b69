-- By name. Links arrive without their target; stitch_article_links.sql fills it in.
insert into fct_article_link by name
select staged.*, null as target_article_key, $load_id as load_id
from read_parquet($staged) as staged;
