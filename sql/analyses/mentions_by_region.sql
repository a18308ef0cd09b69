-- Mentions by region: place mentions rolled up to province (시도) and city/county/district (시군구).
-- Parameters: none
select
    coalesce(place.province_name, '(미상)') as province,
    coalesce(place.city_name, '(시도 전체)') as city_county_district,
    count(*) as mentions,
    count(distinct mention.article_key) as articles
from fct_entity_mention as mention
join dim_entity as entity on entity.entity_key = mention.entity_key
join dim_place as place on place.place_key = entity.place_key
where entity.entity_type = 'LOCATION' and place.place_level in (1, 2, 3)
group by all
order by mentions desc, province, city_county_district;
