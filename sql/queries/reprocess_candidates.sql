-- The current version of each loaded page, with what it was loaded with (metadata and reading version), for
-- `sinmun reprocess` to compare with the inbox. Filters: null means any.
-- $publication: a publication code; $date_from, $date_to: publication dates (a page of unknown date is left out
-- when either is given).
select
    page_id,
    source_path,
    sha256,
    publication_code,
    publication_date,
    page_number,
    metadata_source,
    reader_version
from ledger_page
where is_current
  and ($publication is null or publication_code = $publication)
  and ($date_from is null or publication_date >= $date_from)
  and ($date_to is null or publication_date <= $date_to)
order by source_path;
