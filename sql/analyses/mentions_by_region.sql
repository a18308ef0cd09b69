-- Mentions by region: place mentions rolled up to province (시도) and city/county/district (시군구), named places
-- (parks, islands, ...) in the division they lie in, by mart_place_mention's region rule. The report's treemap.
-- Parameters:
--   $date_from  date, default none: first publication date, inclusive (none: from the first)
--   $date_to    date, default none: last publication date, inclusive (none: to the last)
with place_mention_in_range as (
    select *
    from mart_place_mention
    where region_province is not null
        and ($date_from is null or publication_date >= cast($date_from as date))
        and ($date_to is null or publication_date <= cast($date_to as date))
),
final as (
    select
        region_province as province,
        region_city_county_district as city_county_district,
        count(*) as mentions,
        count(distinct article_key) as articles
    from place_mention_in_range
    group by all
)
select * from final
order by mentions desc, province, city_county_district;
