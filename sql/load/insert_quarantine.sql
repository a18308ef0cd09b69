insert into quarantine by name
select
    $source_path as source_path, $quarantine_path as quarantine_path, $sha256 as sha256, $reason as reason,
    $detail as detail, $run_id as run_id, $load_id as load_id, $quarantined_at as quarantined_at;
