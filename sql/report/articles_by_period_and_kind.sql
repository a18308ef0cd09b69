-- What it answers: how many articles of each kind (news, photo, column, ...) the papers printed in each day, week
-- or month that has dated articles (the report lays out the date axis, collapsing long runs without any).
-- Parameters: $grain      day | week | month
--             $date_from  first publication date, inclusive, or null for no bound
--             $date_to    last publication date, inclusive, or null for no bound
with article_in_range as (
    select *
    from mart_article
    where ($date_from is null or publication_date >= cast($date_from as date))
        and ($date_to is null or publication_date <= cast($date_to as date))
),
dated_article as (
    select publication_date, kind
    from article_in_range
    where publication_date is not null
),
final as (
    select cast(date_trunc($grain, publication_date) as date) as period_start, kind, count(*) as articles
    from dated_article
    group by all
)
select * from final
order by period_start, kind;
