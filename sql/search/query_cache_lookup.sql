-- The cached search terms of one query text (SQLite; no row when the text was never analysed).
-- Parameters: ?1  the query text
select terms from query_terms where query = ?1;
