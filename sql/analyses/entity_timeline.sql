-- One entity's timeline: on which days it was mentioned, how often, and the titles written beside it.
-- Parameters:
--   $name  text: the entity's canonical name (e.g. 강기정)
select
    calendar.calendar_date as day,
    count(*) as mentions,
    count(distinct mention.article_key) as articles,
    list_sort(list_distinct(list(mention.title_as_written) filter (where mention.title_as_written is not null))) as titles
from fct_entity_mention as mention
join dim_entity as entity on entity.entity_key = mention.entity_key
join fct_article as article on article.article_key = mention.article_key
join dim_date as calendar on calendar.date_key = article.date_key
where entity.canonical_name = $name
group by calendar.calendar_date
order by day;
