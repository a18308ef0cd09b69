-- By name: the staged columns go to the columns of the same name, in whatever order the Parquet holds them.
-- Inserted in term order: each load's row groups then hold narrow ranges of terms, so a search skips most of them.
insert into fct_article_term by name
select staged.*, $load_id as load_id
from read_parquet($staged) as staged
order by staged.term, staged.article_key;
