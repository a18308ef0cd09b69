-- Files loaded in this batch that an earlier run had quarantined (same path or same content): resolved.
update quarantine set resolved_at = $loaded_at
where resolved_at is null
    and (
        source_path in (select source_path from read_parquet($staged_pages))
        or sha256 in (select sha256 from read_parquet($staged_pages))
    );
