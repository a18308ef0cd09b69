-- Who said what: direct quotes, by one speaker or containing a word, with the speaker's title as written and the date.
-- Parameters:
--   $speaker    text, default none: the speaker's canonical name, a person or an organization (none: every speaker)
--   $word       text, default none: a word or phrase the quote contains (none: any quote)
--   $date_from  date, default none: first publication date, inclusive (none: from the first)
--   $date_to    date, default none: last publication date, inclusive (none: to the last)
with quote as (
    select *
    from mart_quote
    where ($word is null or contains(quote_text, $word))
        and ($speaker is null or speaker_name = $speaker)
        and ($date_from is null or publication_date >= cast($date_from as date))
        and ($date_to is null or publication_date <= cast($date_to as date))
),
final as (
    select
        publication_date as day,
        publication_key as publication,
        speaker_name as speaker,
        speaker_type,
        title_as_written as title,
        reporting_verb as verb,
        quote_text as quote,
        headline,
        page_number,
        quote_ordinal
    from quote
)
select * exclude (quote_ordinal)
from final
order by day, publication, page_number, headline, quote_ordinal;
