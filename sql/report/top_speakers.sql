-- What it answers: who said what: the $top speakers (people and organizations) quoted most, with their quotes,
-- the articles quoting them, the title they were quoted under most, and a sample quote (their latest, the
-- longest of that day's).
-- Parameters: $top        how many speakers (e.g. 10)
--             $date_from  first publication date, inclusive, or null for no bound
--             $date_to    last publication date, inclusive, or null for no bound
with quote_in_range as (
    select *
    from mart_quote
    where speaker_entity_key <> 'unknown'
        and ($date_from is null or publication_date >= cast($date_from as date))
        and ($date_to is null or publication_date <= cast($date_to as date))
),
speaker_count as (
    select
        speaker_entity_key,
        count(*) as quotes,
        count(distinct article_key) as articles,
        mode(title_as_written) as title
    from quote_in_range
    group by speaker_entity_key
),
sample as (
    select
        speaker_entity_key,
        quote_text as sample_quote,
        reporting_verb as sample_verb,
        publication_date as sample_date,
        headline as sample_headline,
        publication_key as sample_publication,
        row_number() over (
            partition by speaker_entity_key
            order by publication_date desc nulls last, length(quote_text) desc, article_key, quote_ordinal
        ) as sample_rank
    from quote_in_range
),
final as (
    select
        speaker.canonical_name as speaker,
        speaker.entity_type,
        speaker_count.quotes,
        speaker_count.articles,
        speaker_count.title,
        sample.sample_quote,
        sample.sample_verb,
        sample.sample_date,
        sample.sample_headline,
        sample.sample_publication,
        row_number() over (order by speaker_count.quotes desc, speaker.canonical_name) as rank
    from speaker_count
    join dim_entity as speaker on speaker.entity_key = speaker_count.speaker_entity_key
    join sample on sample.speaker_entity_key = speaker_count.speaker_entity_key and sample.sample_rank = 1
    where not speaker.is_anonymous  -- A씨, 김모씨: a person the article does not name ranks nowhere
)
select * exclude (rank) from final
where rank <= cast($top as integer)
order by rank;
