insert into quarantine (
    source_path, quarantine_path, sha256, reason, detail, run_id, load_id, quarantined_at, resolved_at, dismissed_at
)
values ($source_path, $quarantine_path, $sha256, $reason, $detail, $run_id, $load_id, $quarantined_at, null, null);
