-- The places gazetteer (administrative divisions, named places, countries): one list per column, a row per place.
insert into dim_place
select
    unnest($place_key), unnest($place_name), unnest($place_kind), unnest($place_level), unnest($parent_place_key),
    unnest($province_key), unnest($province_name), unnest($city_key), unnest($city_name), 'seed';
