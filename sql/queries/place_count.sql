-- Rows in dim_place (the gazetteer is seeded once).
select count(*) from dim_place;
