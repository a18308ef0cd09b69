-- Staged pages that replace a version already loaded (same page, other content; or the same content read again by
-- `sinmun reprocess`): 0 for a batch of new pages, whose load then skips the deletes of
-- load/delete_superseded_pages (each would scan a fact table).
select count(*)
from ledger_page
where is_current
  and (page_id in (select page_id from read_parquet($staged_pages))
       or sha256 in (select sha256 from read_parquet($staged_pages)));
