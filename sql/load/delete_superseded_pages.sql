-- A page loaded again replaces its old version: remove the old version's rows. The old version is the current
-- version of the same page id (new text of the page), or the current version with the same content (the same file
-- read again by `sinmun reprocess`: with new metadata its page id may change, path:<file> to <pub>/<date>/<page>).
-- $staged_pages: the batch's ledger_page rows (Parquet).
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

delete from fct_entity_mention where article_key in (select article_key from superseded_article);
delete from bridge_article_reporter where article_key in (select article_key from superseded_article);
delete from fct_article_link where article_key in (select article_key from superseded_article);
delete from fct_date_mention where article_key in (select article_key from superseded_article);
delete from fct_article_term where article_key in (select article_key from superseded_article);
delete from fct_amount_mention where article_key in (select article_key from superseded_article);
delete from fct_quote where article_key in (select article_key from superseded_article);
delete from reprint_pair
where article_key in (select article_key from superseded_article)
    or matched_article_key in (select article_key from superseded_article);
delete from reprint_band where article_key in (select article_key from superseded_article);
delete from reprint_fingerprint where article_key in (select article_key from superseded_article);
delete from bridge_article_reprint where article_key in (select article_key from superseded_article);
delete from fct_article where article_key in (select article_key from superseded_article);

update ledger_page set is_current = false
where is_current and page_id in (select page_id from superseded_page);
