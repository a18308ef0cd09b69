-- The newspapers sinmun knows (src/sinmun/data/publications.csv); one row per call.
insert into dim_publication
select $1, $2, $3, 'seed'
where not exists (select 1 from dim_publication where publication_key = $1);
