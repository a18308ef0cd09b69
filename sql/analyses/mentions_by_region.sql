-- Mentions by region: place mentions rolled up to province (시도) and city/county/district (시군구), counting the
-- mentions of named places (parks, islands, markets, ...) in the division they lie in. Countries, places in no
-- single province and unresolved places are left out. The report's treemap is this query.
-- Parameters:
--   $date_from  date, default none: first publication date, inclusive (none: from the first)
--   $date_to    date, default none: last publication date, inclusive (none: to the last)
with mention_in_range as (
    select mention.article_key, mention.entity_key
    from fct_entity_mention as mention
    join fct_article as article on article.article_key = mention.article_key
    left join dim_date as calendar on calendar.date_key = article.date_key
    where ($date_from is null or calendar.calendar_date >= cast($date_from as date))
        and ($date_to is null or calendar.calendar_date <= cast($date_to as date))
),
final as (
    select
        place.province_name as province,
        case
            when place.place_level = 1 then '(시도 전체)'
            else coalesce(place.city_name, '(시군구 미상)')
        end as city_county_district,
        count(*) as mentions,
        count(distinct mention.article_key) as articles
    from mention_in_range as mention
    join dim_entity as entity on entity.entity_key = mention.entity_key
    join dim_place as place on place.place_key = entity.place_key
    where entity.entity_type = 'LOCATION' and place.place_level in (1, 2, 3, 9) and place.province_name is not null
    group by all
)
select * from final
order by mentions desc, province, city_county_district;
