-- Who is mentioned with whom (in the same article)?
with person_in_article as (
    select distinct article_key, canonical_name as person
    from mart_entity_mention
    where entity_type = 'PERSON'
        and not is_anonymous  -- A씨, 김모씨: one person per article, never paired across articles
)
select first.person as person, second.person as mentioned_with, count(*) as articles
from person_in_article as first
join person_in_article as second on second.article_key = first.article_key and second.person > first.person
group by all
order by articles desc, person, mentioned_with
limit 5;
