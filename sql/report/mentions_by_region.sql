-- What it answers: place mentions rolled up to province (시도) and city/county/district (시군구), counting the
-- mentions of named places (parks, islands, markets, ...) in the division they lie in. Countries, places in no
-- single province and unresolved places are left out.
-- Parameters: none
select
    place.province_name as province,
    case
        when place.place_level = 1 then '(시도 전체)'
        else coalesce(place.city_name, '(시군구 미상)')
    end as city_county_district,
    count(*) as mentions,
    count(distinct mention.article_key) as articles
from fct_entity_mention as mention
join dim_entity as entity on entity.entity_key = mention.entity_key
join dim_place as place on place.place_key = entity.place_key
where entity.entity_type = 'LOCATION' and place.place_level in (1, 2, 3, 9) and place.province_name is not null
group by all
order by mentions desc, province, city_county_district;
