-- One entity's timeline: on which days it was mentioned, how often, and the titles written beside it.
-- Parameters:
--   $name  text: the entity's canonical name (e.g. 강기정)
select
    mention.publication_date as day,
    count(*) as mentions,
    count(distinct mention.article_key) as articles,
    list_sort(list_distinct(list(mention.title_as_written) filter (where mention.title_as_written is not null))) as titles
from mart_entity_mention as mention
where mention.canonical_name = $name and not mention.is_anonymous  -- each article's A씨 is another person
group by mention.publication_date
order by day;
