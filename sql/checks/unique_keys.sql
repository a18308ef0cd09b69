-- Keys that are not unique (each row here is a failure).
select 'fct_article.article_key' as key_column, article_key as key_value, count(*) as row_count
from fct_article group by article_key having count(*) > 1
union all
select 'dim_entity.entity_key', entity_key, count(*) from dim_entity group by entity_key having count(*) > 1
union all
select 'dim_reporter.reporter_key', reporter_key, count(*) from dim_reporter group by reporter_key having count(*) > 1
union all
select 'dim_publication.publication_key', publication_key, count(*)
from dim_publication group by publication_key having count(*) > 1
union all
select 'dim_place.place_key', place_key, count(*) from dim_place group by place_key having count(*) > 1
union all
select 'dim_date.date_key', cast(date_key as varchar), count(*) from dim_date group by date_key having count(*) > 1
union all
select 'ledger_page.page_id (current)', page_id, count(*)
from ledger_page where is_current group by page_id having count(*) > 1
union all
select 'fct_entity_mention.(article_key, mention_ordinal)', article_key || '#' || mention_ordinal, count(*)
from fct_entity_mention group by article_key, mention_ordinal having count(*) > 1
union all
select 'fct_article_term.(article_key, term)', article_key || '#' || term, count(*)
from fct_article_term group by article_key, term having count(*) > 1
union all
select 'fct_quote.(article_key, quote_ordinal)', article_key || '#' || quote_ordinal, count(*)
from fct_quote group by article_key, quote_ordinal having count(*) > 1
union all
select 'bridge_article_reprint.article_key', article_key, count(*)
from bridge_article_reprint group by article_key having count(*) > 1
union all
select 'dim_reprint_cluster.reprint_cluster_key', reprint_cluster_key, count(*)
from dim_reprint_cluster group by reprint_cluster_key having count(*) > 1
union all
select 'reprint_fingerprint.article_key', article_key, count(*)
from reprint_fingerprint group by article_key having count(*) > 1
union all
select 'reprint_pair.(article_key, matched_article_key)', article_key || '#' || matched_article_key, count(*)
from reprint_pair group by article_key, matched_article_key having count(*) > 1
