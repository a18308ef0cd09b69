-- Facts that must hold at least one row once any page is loaded.
select 'fct_article' as table_name from (select count(*) as n from fct_article)
where n = 0 and exists (select 1 from ledger_page where is_current)
union all
select 'fct_entity_mention' from (select count(*) as n from fct_entity_mention)
where n = 0 and exists (select 1 from ledger_page where is_current)
