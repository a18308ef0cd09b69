-- Key columns that are null.
select 'fct_article' as table_name, count(*) as null_rows from fct_article
where article_key is null or page_id is null or date_key is null or publication_key is null or reporter_key is null
having count(*) > 0
union all
select 'fct_entity_mention', count(*) from fct_entity_mention where article_key is null or entity_key is null
having count(*) > 0
union all
select 'bridge_article_reporter', count(*) from bridge_article_reporter where article_key is null or reporter_key is null
having count(*) > 0
union all
select 'fct_article_link', count(*) from fct_article_link where article_key is null or link_type is null
having count(*) > 0
union all
select 'dim_entity', count(*) from dim_entity where entity_key is null or canonical_name is null having count(*) > 0
union all
select 'fct_quote', count(*) from fct_quote
where article_key is null or quote_ordinal is null or speaker_entity_key is null or load_id is null
having count(*) > 0
