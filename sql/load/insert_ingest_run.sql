insert into ingest_run
values ($run_id, $flow_run_id, $inbox, $code_version, $started_at, $finished_at, $pages_seen, $pages_loaded,
        $pages_skipped_duplicate, $pages_quarantined, $pages_deferred, $articles_loaded, $mentions_loaded,
        $load_count);
