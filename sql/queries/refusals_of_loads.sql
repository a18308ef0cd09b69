-- The quarantine rows recorded by loads other than a given set (the loads of a published copy).
-- $published_load_ids: the ids of the loads to leave out.
select source_path, quarantine_path, sha256, reason, detail, run_id
from quarantine
where not list_contains($published_load_ids, load_id)
order by quarantined_at, source_path;
