-- Recorded in the same transaction as the load's rows: a complete load, or none.
insert into load_ledger by name
select
    $load_id as load_id, $run_id as run_id, $batch_number as batch_number, $code_version as code_version,
    $started_at as started_at, $finished_at as finished_at, $page_count as page_count,
    $article_count as article_count, $mention_count as mention_count, $quarantined_count as quarantined_count,
    'complete' as status;
