-- Refusals of files that stayed where they were (never moved: quarantine_path is null) and still stand: open, or
-- dismissed. A later run that refuses the same file for the same reason and detail records no new row.
select distinct source_path, reason, coalesce(detail, '') as detail
from quarantine
where quarantine_path is null
    and (resolved_at is null or dismissed_at is not null);
