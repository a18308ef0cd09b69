-- How many articles of each kind did each paper print, by day?
select
    publication.publication_name as paper,
    calendar.calendar_date as day,
    calendar.weekday_short_ko as weekday,
    count(*) filter (where article.kind = 'news') as news,
    count(*) filter (where article.kind = 'photo') as photos,
    count(*) filter (where article.kind not in ('news', 'photo', 'ad')) as other,
    count(*) filter (where article.kind = 'ad') as ads
from fct_article as article
join dim_publication as publication on publication.publication_key = article.publication_key
join dim_date as calendar on calendar.date_key = article.date_key
group by all
order by day, paper
limit 8;
