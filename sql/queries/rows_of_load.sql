-- Rows a load actually wrote, to compare with what was staged (articles parsed = articles loaded).
select
    (select count(*) from ledger_page where load_id = $load_id) as ledger_page,
    (select count(*) from fct_article where load_id = $load_id) as fct_article,
    (select count(*) from fct_entity_mention where load_id = $load_id) as fct_entity_mention,
    (select count(*) from fct_article_term where load_id = $load_id) as fct_article_term;
