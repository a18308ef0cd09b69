-- How many articles of each kind did each paper print, by day?
select
    article.publication_name as paper,
    article.publication_date as day,
    article.weekday_short_ko as weekday,
    count(*) filter (where article.kind = 'news') as news,
    count(*) filter (where article.kind = 'photo') as photos,
    count(*) filter (where article.kind not in ('news', 'photo', 'ad')) as other,
    count(*) filter (where article.kind = 'ad') as ads
from mart_article as article
group by all
order by day, paper
limit 8;
