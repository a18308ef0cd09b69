-- Loads committed since a moment (UTC), with their pages and quarantined files: what an interrupted run had
-- committed (asked while it still holds the writer lock, so no other run's loads can be among them).
select
    count(*) as loads,
    coalesce(sum(page_count), 0) as pages,
    coalesce(sum(quarantined_count), 0) as quarantined
from load_ledger
where finished_at >= $since
