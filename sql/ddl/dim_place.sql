-- Administrative divisions, named places and countries, with their hierarchy flattened.
create table if not exists dim_place (
    place_key        varchar primary key,  -- place code: KR-29, KR-29-북구, N-중외공원, C-US; 'unknown'
    place_name       varchar,
    place_kind       varchar,              -- province | city_county_district | district | named_place | country | unknown
    place_level      integer,              -- 1 시도, 2 시군구, 3 일반구, 9 named place, 0 country
    parent_place_key varchar,
    province_key     varchar,              -- the 시도 this place lies in (itself for a 시도)
    province_name    varchar,
    city_key         varchar,              -- the 시군구 this place lies in (itself for a 시군구)
    city_name        varchar,
    load_id          varchar not null      -- 'seed': the gazetteer shipped with sinmun
);
