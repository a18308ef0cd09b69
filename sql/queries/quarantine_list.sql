-- Quarantined files, newest first: by default only the latest refusal of each path not loaded since.
-- Parameters: $include_resolved  true to list every row, resolved ones and earlier refusals too
--             $reason            only reasons starting with this text ('' for all)
--             $run_id            only this run's refusals ('' for all)
with latest as (
    select
        *,
        row_number() over (partition by source_path order by quarantined_at desc) as refusal_recency
    from quarantine
)
select
    source_path,
    reason,
    detail,
    sha256,
    run_id,
    load_id,
    quarantined_at,
    quarantine_path,
    resolved_at
from latest
where (cast($include_resolved as boolean) or (resolved_at is null and refusal_recency = 1))
    and starts_with(reason, $reason)
    and ($run_id = '' or run_id = $run_id)
order by quarantined_at desc, source_path;
