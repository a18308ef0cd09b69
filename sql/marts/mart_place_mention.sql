-- mart_place_mention: one row per mention of a place (a LOCATION entity) in an article, with the place's row in
-- the gazetteer (dim_place: kind, level, parent, province and city/county/district) and the region it counts in.
-- Key: (article_key, mention_ordinal). A place the gazetteer does not know has place_key 'unknown'.
-- The region rule, the one every count of mentions by region uses:
--   region_province              the province (시도) the place lies in, for places of level 1 (시도), 2 (시군구),
--                                3 (일반구) and 9 (named places: parks, islands, markets, ...); null for countries
--                                (level 0), places in no single province and places the gazetteer does not know.
--   region_city_county_district  '(시도 전체)' for a province itself; else the city/county/district (시군구) the
--                                place lies in (a 일반구 and a named place count in theirs), '(시군구 미상)' when the
--                                gazetteer knows only its province; null when region_province is null.
create or replace view mart_place_mention as
with mention as (
    select * from mart_entity_mention
    where entity_type = 'LOCATION'
),

place as (
    select * from dim_place
),

placed_mention as (
    select
        mention.*,
        place.place_name,
        place.place_kind,
        place.place_level,
        place.parent_place_key,
        place.province_key,
        place.province_name,
        place.city_key,
        place.city_name,
        place.place_level in (1, 2, 3, 9) and place.province_name is not null as is_in_region
    from mention
    join place on place.place_key = mention.place_key
),

final as (
    select
        * exclude (is_in_region),
        case when is_in_region then province_name end as region_province,
        case
            when not is_in_region then null
            when place_level = 1 then '(시도 전체)'
            else coalesce(city_name, '(시군구 미상)')
        end as region_city_county_district
    from placed_mention
)

select * from final;
