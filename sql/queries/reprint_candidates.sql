-- Candidate reprint pairs of a load's articles: every other article sharing one of their LSH bands, loaded
-- before or in the same load (a pair of the same load once). Only band hashes are read.
-- $load_id: the load.
with new_band as (
    select article_key, band_hash
    from reprint_band
    where load_id = $load_id
)

select distinct new_band.article_key, other_band.article_key as other_article_key
from new_band
join reprint_band as other_band on other_band.band_hash = new_band.band_hash
where other_band.article_key <> new_band.article_key
    and (other_band.load_id <> $load_id or new_band.article_key < other_band.article_key)
order by 1, 2;
