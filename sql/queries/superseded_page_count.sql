-- Staged pages that replace a version already loaded (same page, other content): 0 for a batch of new pages, whose
-- load then skips the deletes of load/delete_superseded_pages (each would scan a fact table).
select count(*)
from ledger_page
where is_current and page_id in (select page_id from read_parquet($staged_pages));
