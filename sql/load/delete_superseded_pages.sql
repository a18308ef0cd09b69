-- A page loaded again replaces its old version: remove the old version's rows. The old version is the current
-- version of the same page id (new text of the page), or the current version with the same content (the same file
-- read again by `sinmun reprocess`: with new metadata its page id may change, path:<file> to <pub>/<date>/<page>).
-- $staged_pages: the batch's ledger_page rows (Parquet). This file finds the old versions and their articles
-- (superseded_page, superseded_article) and retires the old ledger rows; then delete_superseded_rows.sql removes
-- the articles' rows from every table declared with page rows (sinmun.store.tables: Table.page_rows).
create or replace temp table superseded_page as
select ledger_page.page_id
from ledger_page
where ledger_page.is_current
  and (ledger_page.page_id in (select page_id from read_parquet($staged_pages))
       or ledger_page.sha256 in (select sha256 from read_parquet($staged_pages)));

create or replace temp table superseded_article as
select article.article_key
from fct_article as article
where article.page_id in (select page_id from superseded_page)
   or article.page_id in (select page_id from read_parquet($staged_pages));

update ledger_page set is_current = false
where is_current and page_id in (select page_id from superseded_page);
