-- Articles whose page is not a current page in the ledger: a page loaded again takes its old articles with it.
select 'fct_article.page_id -> ledger_page (current)' as relationship, count(*) as orphan_rows
from fct_article
where page_id not in (select page_id from ledger_page where is_current)
having count(*) > 0
