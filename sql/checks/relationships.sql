-- Fact rows whose key is not found in the dimension or fact it refers to (every row's load id: load_ids_in_ledger.sql).
select 'fct_article.date_key -> dim_date' as relationship, count(*) as orphan_rows
from fct_article where date_key not in (select date_key from dim_date) having count(*) > 0
union all
select 'fct_article.publication_key -> dim_publication', count(*)
from fct_article where publication_key not in (select publication_key from dim_publication) having count(*) > 0
union all
select 'fct_article.reporter_key -> dim_reporter', count(*)
from fct_article where reporter_key not in (select reporter_key from dim_reporter) having count(*) > 0
union all
select 'fct_article.page_id -> ledger_page (current)', count(*)
from fct_article where page_id not in (select page_id from ledger_page where is_current) having count(*) > 0
union all
select 'fct_entity_mention.article_key -> fct_article', count(*)
from fct_entity_mention where article_key not in (select article_key from fct_article) having count(*) > 0
union all
select 'fct_entity_mention.entity_key -> dim_entity', count(*)
from fct_entity_mention where entity_key not in (select entity_key from dim_entity) having count(*) > 0
union all
select 'bridge_article_reporter.article_key -> fct_article', count(*)
from bridge_article_reporter where article_key not in (select article_key from fct_article) having count(*) > 0
union all
select 'bridge_article_reporter.reporter_key -> dim_reporter', count(*)
from bridge_article_reporter where reporter_key not in (select reporter_key from dim_reporter) having count(*) > 0
union all
select 'fct_article_link.article_key -> fct_article', count(*)
from fct_article_link where article_key not in (select article_key from fct_article) having count(*) > 0
union all
select 'fct_article_link.target_article_key -> fct_article', count(*)
from fct_article_link
where target_article_key is not null and target_article_key not in (select article_key from fct_article)
having count(*) > 0
union all
select 'fct_date_mention.date_key -> dim_date', count(*)
from fct_date_mention where date_key not in (select date_key from dim_date) having count(*) > 0
union all
select 'fct_date_mention.article_key -> fct_article', count(*)
from fct_date_mention where article_key not in (select article_key from fct_article) having count(*) > 0
union all
select 'fct_amount_mention.article_key -> fct_article', count(*)
from fct_amount_mention where article_key not in (select article_key from fct_article) having count(*) > 0
union all
select 'fct_quote.article_key -> fct_article', count(*)
from fct_quote where article_key not in (select article_key from fct_article) having count(*) > 0
union all
select 'fct_quote.speaker_entity_key -> dim_entity', count(*)
from fct_quote where speaker_entity_key not in (select entity_key from dim_entity) having count(*) > 0
union all
select 'fct_article_term.article_key -> fct_article', count(*)
from fct_article_term where article_key not in (select article_key from fct_article) having count(*) > 0
union all
select 'dim_entity.place_key -> dim_place', count(*)
from dim_entity where place_key not in (select place_key from dim_place) having count(*) > 0
union all
select 'reprint_fingerprint.article_key -> fct_article', count(*)
from reprint_fingerprint where article_key not in (select article_key from fct_article) having count(*) > 0
union all
select 'reprint_band.article_key -> reprint_fingerprint', count(*)
from reprint_band where article_key not in (select article_key from reprint_fingerprint) having count(*) > 0
union all
select 'reprint_pair.article_key, matched_article_key -> reprint_fingerprint', count(*)
from reprint_pair
where article_key not in (select article_key from reprint_fingerprint)
    or matched_article_key not in (select article_key from reprint_fingerprint)
having count(*) > 0
union all
select 'bridge_article_reprint.article_key -> fct_article', count(*)
from bridge_article_reprint where article_key not in (select article_key from fct_article) having count(*) > 0
union all
select 'bridge_article_reprint.reprint_cluster_key -> dim_reprint_cluster', count(*)
from bridge_article_reprint
where reprint_cluster_key not in (select reprint_cluster_key from dim_reprint_cluster)
having count(*) > 0
union all
select 'dim_reprint_cluster.first_date_key -> dim_date', count(*)
from dim_reprint_cluster where first_date_key not in (select date_key from dim_date) having count(*) > 0
