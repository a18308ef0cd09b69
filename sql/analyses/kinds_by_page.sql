-- Article kinds by page and date: what each page of each paper carried.
-- Parameters: none
select
    article.publication_key as publication,
    article.publication_date as day,
    article.page_number,
    article.kind,
    count(*) as articles
from mart_article as article
group by all
order by day, publication, page_number, kind;
