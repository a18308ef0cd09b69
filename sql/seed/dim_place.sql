-- The places gazetteer (administrative divisions, named places, countries); one row per call.
insert into dim_place values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'seed');
