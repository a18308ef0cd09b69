-- The content hash and id of every page version ever loaded, current or superseded: a file holding any of them is
-- skipped as a duplicate, so a page's current version changes only when new content arrives (an original left
-- beside its correction is never loaded again over it).
select sha256, page_id from ledger_page;
