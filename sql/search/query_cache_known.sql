-- Every query text the cache holds (SQLite), to analyse only the warehouse's terms it does not have yet.
-- Parameters: none
select query from query_terms;
