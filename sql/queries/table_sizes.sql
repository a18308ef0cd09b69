-- Row counts of the largest tables (for benchmarks and summaries).
select 'fct_article' as table_name, count(*) as row_count from fct_article
union all select 'fct_entity_mention', count(*) from fct_entity_mention
union all select 'dim_entity', count(*) from dim_entity
union all select 'fct_article_term', count(*) from fct_article_term;
