-- Current pages without an article: a page with no recognisable article is quarantined (no-articles), never loaded,
-- so every current page in the ledger counts at least one article (ledger_reconciles checks that they are loaded).
-- A page may mention no person, organization or place: entity mentions may be empty, articles may not.
select page.page_id, page.source_path, page.article_count
from ledger_page as page
where page.is_current and page.article_count < 1
