-- Candidate reprint pairs of a load's articles: every other article sharing one of their LSH bands, loaded
-- before or in the same load (a pair of the same load once), whose facts agree: of the numbers (even hashes),
-- and of the entities (odd hashes), the share the article with fewer has in common with the other is at least
-- $fact_overlap_threshold (1 when one has none). sinmun.reprints.compare decides on the pairs returned; this
-- is the same test of the facts, made here so that look-alike candidates (same wording, other facts: hundreds
-- for a daily weather report) never leave the database. Only band hashes and fact hashes are read.
-- $load_id: the load.
with new_band as (
    select article_key, band_hash
    from reprint_band
    where load_id = $load_id
),

candidate as (
    select distinct new_band.article_key, other_band.article_key as other_article_key
    from new_band
    join reprint_band as other_band on other_band.band_hash = new_band.band_hash
    where other_band.article_key <> new_band.article_key
        and (other_band.load_id <> $load_id or new_band.article_key < other_band.article_key)
),

fact as (
    select
        article_key,
        list_filter(fact_hashes, lambda hash: hash % 2 = 0) as numbers,
        list_filter(fact_hashes, lambda hash: hash % 2 <> 0) as entities
    from reprint_fingerprint
    where article_key in (select article_key from candidate union select other_article_key from candidate)
),

overlap as (
    select
        candidate.article_key,
        candidate.other_article_key,
        case
            when least(len(a.numbers), len(b.numbers)) = 0 then 1.0
            else len(list_intersect(a.numbers, b.numbers)) / least(len(a.numbers), len(b.numbers))
        end as number_overlap,
        case
            when least(len(a.entities), len(b.entities)) = 0 then 1.0
            else len(list_intersect(a.entities, b.entities)) / least(len(a.entities), len(b.entities))
        end as entity_overlap
    from candidate
    join fact as a on a.article_key = candidate.article_key
    join fact as b on b.article_key = candidate.other_article_key
)

select article_key, other_article_key
from overlap
where least(number_overlap, entity_overlap) >= $fact_overlap_threshold
order by 1, 2;
