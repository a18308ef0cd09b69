-- What it answers: the days that have dated articles (the report picks its grain and date axis from them).
-- Parameters: $date_from  first publication date, inclusive, or null for no bound
--             $date_to    last publication date, inclusive, or null for no bound
with article_in_range as (
    select *
    from mart_article
    where ($date_from is null or publication_date >= cast($date_from as date))
        and ($date_to is null or publication_date <= cast($date_to as date))
),
final as (
    select distinct publication_date as calendar_date
    from article_in_range
    where publication_date is not null
)
select * from final
order by calendar_date;
