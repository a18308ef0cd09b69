-- The unknown member of each dimension, for facts whose reference is missing.
insert into dim_publication
select 'unknown', '알 수 없음', null, 'seed'
where not exists (select 1 from dim_publication where publication_key = 'unknown');

insert into dim_reporter
select 'unknown', 'unknown', null, null, null, 'seed'
where not exists (select 1 from dim_reporter where reporter_key = 'unknown');

insert into dim_place
select 'unknown', '알 수 없음', 'unknown', null, null, null, null, null, null, 'seed'
where not exists (select 1 from dim_place where place_key = 'unknown');

insert into dim_entity
select 'unknown', 'UNKNOWN', '알 수 없음', [], 'unknown', false, 'seed'
where not exists (select 1 from dim_entity where entity_key = 'unknown');
