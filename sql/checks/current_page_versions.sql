-- Pages with more than one current version: a page loaded again retires its old version (is_current false) in the
-- transaction that loads the new one.
select page_id, count(*) as current_versions
from ledger_page
where is_current
group by page_id
having count(*) > 1
