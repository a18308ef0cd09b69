-- Remember Kiwi's search terms of a query text (SQLite); a text already there keeps its row.
-- Parameters: ?1  the query text, ?2  its terms as a JSON list
insert or ignore into query_terms (query, terms) values (?1, ?2);
