-- What it answers: how many articles of each kind (news, photo, column, ...) the papers printed in each day or
-- week, with every period between the first and the last dated article listed (a period with none has one row
-- with kind null and 0 articles).
-- Parameters: $grain  day | week | month
with dated_article as (
    select calendar.calendar_date, article.kind
    from fct_article as article
    join dim_date as calendar on calendar.date_key = article.date_key
    where calendar.calendar_date is not null
),
span as (
    select min(calendar_date) as first_day, max(calendar_date) as last_day
    from dated_article
),
period as (
    select distinct cast(date_trunc($grain, calendar.calendar_date) as date) as period_start
    from dim_date as calendar
    join span on calendar.calendar_date between span.first_day and span.last_day
),
counted as (
    select cast(date_trunc($grain, calendar_date) as date) as period_start, kind, count(*) as articles
    from dated_article
    group by all
)
select
    period.period_start,
    counted.kind,
    coalesce(counted.articles, 0) as articles
from period
left join counted on counted.period_start = period.period_start
order by period.period_start, counted.kind;
