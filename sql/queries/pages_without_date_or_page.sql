-- Current pages loaded without a publication date or a page number (date key -1, page id path:<file>): a manifest
-- naming them, then `sinmun reprocess`, fixes them.
select
    count(*) filter (where publication_date is null) as pages_without_date,
    count(*) filter (where page_number is null) as pages_without_page,
    count(*) filter (where publication_date is null or page_number is null) as pages_without_date_or_page
from ledger_page
where is_current;
