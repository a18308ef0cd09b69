-- The rows of superseded articles (superseded_article, made by delete_superseded_pages.sql) in one table. A table's
-- name cannot be a parameter of a delete: sinmun.store.warehouse fills in {table} and {article_column} for every
-- (table, column) declared in sinmun.store.tables (Table.page_rows), names checked against the declaration.
delete from {table}
where {article_column} in (select article_key from superseded_article);
