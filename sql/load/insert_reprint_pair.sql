-- Verified reprint pairs of a load (sinmun.reprints.verified_pairs), given as parallel lists.
insert into reprint_pair by name
select
    unnest(cast($article_keys as varchar[])) as article_key,
    unnest(cast($matched_article_keys as varchar[])) as matched_article_key,
    unnest(cast($containments as double[])) as containment,
    unnest(cast($jaccards as double[])) as jaccard,
    unnest(cast($fact_overlaps as double[])) as fact_overlap,
    $load_id as load_id;
