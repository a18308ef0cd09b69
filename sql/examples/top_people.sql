-- Who is mentioned most, and with which title?
select
    entity.canonical_name as person,
    any_value(mention.title_as_written order by mention.title_as_written nulls last) as title,
    count(*) as mentions,
    count(distinct mention.article_key) as articles
from fct_entity_mention as mention
join dim_entity as entity on entity.entity_key = mention.entity_key
where entity.entity_type = 'PERSON'
group by entity.canonical_name
order by mentions desc, person
limit 5;
