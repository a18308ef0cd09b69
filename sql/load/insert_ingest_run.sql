insert into ingest_run by name
select
    $run_id as run_id, $flow_run_id as flow_run_id, $inbox as inbox, $code_version as code_version,
    $started_at as started_at, $finished_at as finished_at, $pages_seen as pages_seen, $pages_loaded as pages_loaded,
    $pages_skipped_duplicate as pages_skipped_duplicate, $pages_quarantined as pages_quarantined,
    $pages_deferred as pages_deferred, $articles_loaded as articles_loaded, $mentions_loaded as mentions_loaded,
    $load_count as load_count;
