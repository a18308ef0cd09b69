-- Enumerated columns holding a value outside their accepted set.
select 'fct_article.kind' as column_name, kind as bad_value, count(*) as row_count from fct_article
where kind not in ('news', 'photo', 'column', 'editorial', 'notice', 'continuation', 'ad') group by kind
union all
select 'dim_entity.entity_type', entity_type, count(*) from dim_entity
where entity_type not in ('PERSON', 'ORG', 'LOCATION', 'UNKNOWN') group by entity_type
union all
select 'fct_article_link.link_type', link_type, count(*) from fct_article_link
where link_type not in ('cross_ref', 'continues_on', 'continues_from') group by link_type
union all
select 'fct_date_mention.date_precision', date_precision, count(*) from fct_date_mention
where date_precision not in ('day', 'month', 'year') group by date_precision
union all
select 'fct_quote.speaker_type', speaker_type, count(*) from fct_quote
where speaker_type not in ('PERSON', 'ORG') group by speaker_type
union all
select 'fct_entity_mention.text_field', text_field, count(*) from fct_entity_mention
where text_field not in ('body', 'headline') group by text_field
union all
select 'ledger_page.metadata_source', metadata_source, count(*) from ledger_page
where metadata_source not in ('manifest', 'layout', 'header', 'unknown') group by metadata_source
