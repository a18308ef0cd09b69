-- Who is mentioned most, and with which title?
select
    canonical_name as person,
    any_value(title_as_written order by title_as_written nulls last) as title,
    count(*) as mentions,
    count(distinct article_key) as articles
from mart_entity_mention
where entity_type = 'PERSON'
    and not is_anonymous  -- A씨, 김모씨: one person per article, never ranked
group by canonical_name
order by mentions desc, person
limit 5;
