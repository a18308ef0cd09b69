-- Who said what: direct quotes, by one speaker or containing a word, with the speaker's title as written and the date.
-- Parameters:
--   $speaker    text, default none: the speaker's canonical name, a person or an organization (none: every speaker)
--   $word       text, default none: a word or phrase the quote contains (none: any quote)
--   $date_from  date, default none: first publication date, inclusive (none: from the first)
--   $date_to    date, default none: last publication date, inclusive (none: to the last)
with quote as (
    select
        fct_quote.article_key,
        fct_quote.quote_ordinal,
        fct_quote.speaker_entity_key,
        fct_quote.speaker_type,
        fct_quote.title_as_written,
        fct_quote.reporting_verb,
        fct_quote.quote_text
    from fct_quote
    where $word is null or contains(fct_quote.quote_text, $word)
),
final as (
    select
        calendar.calendar_date as day,
        article.publication_key as publication,
        case when quote.speaker_entity_key = 'unknown' then null else speaker.canonical_name end as speaker,
        quote.speaker_type,
        quote.title_as_written as title,
        quote.reporting_verb as verb,
        quote.quote_text as quote,
        article.headline,
        article.page_number,
        quote.quote_ordinal
    from quote
    join fct_article as article on article.article_key = quote.article_key
    join dim_entity as speaker on speaker.entity_key = quote.speaker_entity_key
    left join dim_date as calendar on calendar.date_key = article.date_key
    where ($speaker is null or speaker.canonical_name = $speaker)
        and ($date_from is null or calendar.calendar_date >= cast($date_from as date))
        and ($date_to is null or calendar.calendar_date <= cast($date_to as date))
)
select * exclude (quote_ordinal)
from final
order by day, publication, page_number, headline, quote_ordinal;
