-- Article kinds by page and date: what each page of each paper carried.
-- Parameters: none
select
    publication.publication_key as publication,
    calendar.calendar_date as day,
    article.page_number,
    article.kind,
    count(*) as articles
from fct_article as article
join dim_publication as publication on publication.publication_key = article.publication_key
join dim_date as calendar on calendar.date_key = article.date_key
group by all
order by day, publication, page_number, kind;
