-- The search-query cache (SQLite, in the user's cache folder): Kiwi's search terms of a query text, exactly as
-- `sinmun search` computed them with the full model. One row per query text analysed (the warehouse's terms
-- themselves are analysed as queries of one word when the cache is filled).
create table if not exists query_terms (
    query  text primary key,  -- the query text as given to Kiwi
    terms  text not null      -- JSON list of its search terms, in order, without repeats
);
