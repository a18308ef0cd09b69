-- Recorded in the same transaction as the load's rows: a complete load, or none.
insert into load_ledger
values ($load_id, $run_id, $batch_number, $code_version, $started_at, $finished_at, $page_count, $article_count,
        $mention_count, $quarantined_count, 'complete');
