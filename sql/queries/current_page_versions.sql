-- The content hash and id of every page version currently loaded (duplicates are skipped by content).
select sha256, page_id from ledger_page where is_current;
