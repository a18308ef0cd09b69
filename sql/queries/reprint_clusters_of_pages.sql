-- The reprint clusters of the articles on a batch's pages: those a new version of a page may split or shrink.
-- $staged_pages: the batch's ledger_page rows (Parquet).
select distinct membership.reprint_cluster_key
from bridge_article_reprint as membership
join fct_article as article on article.article_key = membership.article_key
where article.page_id in (select page_id from read_parquet($staged_pages));
