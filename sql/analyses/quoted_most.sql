-- Who is quoted most: speakers by the number of their direct quotes over a period, one row per speaker and role
-- (the title written where they were quoted), with the articles and the first and last day.
-- Parameters:
--   $speaker_type  one of PERSON | ORG | ANY, default PERSON: the speakers counted (ANY: people and organizations)
--   $date_from     date, default none: first publication date, inclusive (none: from the first)
--   $date_to       date, default none: last publication date, inclusive (none: to the last)
--   $top           integer, default 20: how many speakers, by their quotes in every role
with quote_in_range as (
    select
        speaker_entity_key,
        speaker_name,
        speaker_type,
        title_as_written,
        article_key,
        publication_date
    from mart_quote
    where speaker_entity_key <> 'unknown'
        and ($speaker_type = 'ANY' or speaker_type = $speaker_type)
        and ($date_from is null or publication_date >= cast($date_from as date))
        and ($date_to is null or publication_date <= cast($date_to as date))
),
by_role as (
    select
        speaker_entity_key,
        speaker_name,
        speaker_type,
        coalesce(title_as_written, '') as role,
        count(*) as quotes,
        count(distinct article_key) as articles,
        min(publication_date) as first_day,
        max(publication_date) as last_day
    from quote_in_range
    group by all
),
by_speaker as (
    select
        speaker_entity_key,
        sum(quotes) as speaker_quotes
    from by_role
    group by speaker_entity_key
),
ranked as (
    select
        speaker_entity_key,
        speaker_quotes,
        dense_rank() over (order by speaker_quotes desc, speaker_entity_key) as speaker_rank
    from by_speaker
),
final as (
    select
        ranked.speaker_rank as rank,
        by_role.speaker_name as speaker,
        by_role.speaker_type,
        nullif(by_role.role, '') as role,
        by_role.quotes,
        ranked.speaker_quotes as quotes_in_every_role,
        by_role.articles,
        by_role.first_day,
        by_role.last_day
    from by_role
    join ranked on ranked.speaker_entity_key = by_role.speaker_entity_key
    where ranked.speaker_rank <= cast($top as integer)
)
select *
from final
order by rank, quotes desc, role;
