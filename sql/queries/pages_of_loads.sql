-- The page files a set of loads loaded (every version, current or since superseded), with their content hash.
-- $load_ids: the loads' ids.
select source_path, sha256, page_id
from ledger_page
where list_contains($load_ids, load_id)
order by source_path;
