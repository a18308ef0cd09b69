-- Every distinct search term of the warehouse: each is analysed once by Kiwi as a query of one word, so that a
-- search for it needs no Kiwi.
-- Parameters: none
select distinct term from fct_article_term order by term;
