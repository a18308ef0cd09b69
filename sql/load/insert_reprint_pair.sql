-- Verified reprint pairs of a load (sinmun.reprints.verified_pairs), given as parallel lists.
insert into reprint_pair
select
    unnest(cast($article_keys as varchar[])),
    unnest(cast($matched_article_keys as varchar[])),
    unnest(cast($containments as double[])),
    unnest(cast($jaccards as double[])),
    unnest(cast($fact_overlaps as double[])),
    $load_id;
