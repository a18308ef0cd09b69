-- Rows per warehouse table.
select 'ingest_run' as table_name, count(*) as row_count from ingest_run
union all select 'load_ledger', count(*) from load_ledger
union all select 'ledger_page', count(*) from ledger_page
union all select 'quarantine', count(*) from quarantine
union all select 'dim_date', count(*) from dim_date
union all select 'dim_publication', count(*) from dim_publication
union all select 'dim_reporter', count(*) from dim_reporter
union all select 'dim_place', count(*) from dim_place
union all select 'dim_entity', count(*) from dim_entity
union all select 'fct_article', count(*) from fct_article
union all select 'fct_entity_mention', count(*) from fct_entity_mention
union all select 'bridge_article_reporter', count(*) from bridge_article_reporter
union all select 'fct_article_link', count(*) from fct_article_link
union all select 'fct_date_mention', count(*) from fct_date_mention
union all select 'fct_amount_mention', count(*) from fct_amount_mention;
