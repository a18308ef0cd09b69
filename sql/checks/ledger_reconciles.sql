-- Current pages whose article count in the ledger differs from the articles loaded for them.
with loaded as (
    select page_id, count(*) as article_rows from fct_article group by page_id
)
select page.page_id, page.article_count, coalesce(loaded.article_rows, 0) as article_rows
from ledger_page as page
left join loaded on loaded.page_id = page.page_id
where page.is_current and page.article_count <> coalesce(loaded.article_rows, 0)
