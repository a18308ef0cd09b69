-- End open refusals that need no retry (sinmun quarantine dismiss): of the given paths (all when the list is
-- empty), with a reason starting with $reason, of run $run_id ('' for any). Returns the paths dismissed.
update quarantine set resolved_at = $dismissed_at, dismissed_at = $dismissed_at
where resolved_at is null
    and (len($source_paths) = 0 or list_contains($source_paths, source_path))
    and starts_with(reason, $reason)
    and ($run_id = '' or run_id = $run_id)
returning source_path;
