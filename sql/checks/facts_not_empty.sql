-- Facts that must hold at least one row once anything is loaded.
select 'fct_article' as table_name from (select count(*) as n from fct_article) where n = 0
union all
select 'fct_entity_mention' from (select count(*) as n from fct_entity_mention) where n = 0
