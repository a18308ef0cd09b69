insert into quarantine
values ($source_path, $quarantine_path, $sha256, $reason, $detail, $run_id, $load_id, $quarantined_at, null);
