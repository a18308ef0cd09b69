-- Links arrive without their target; stitch_article_links.sql fills it in.
insert into fct_article_link
select staged.article_key, staged.link_type, staged.target_page_number, null, $load_id
from read_parquet($staged) as staged;
