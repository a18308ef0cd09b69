-- Every quarantine row with the load that recorded it (what a restore of the published copy may drop).
select source_path, quarantine_path, sha256, reason, detail, run_id, load_id
from quarantine
order by quarantined_at, source_path;
