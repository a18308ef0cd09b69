-- Warehouses created before ledger_page recorded the reading version get the column (null: read by a reading
-- that did not record itself; `sinmun reprocess` re-reads those pages).
alter table ledger_page add column if not exists reader_version varchar;
