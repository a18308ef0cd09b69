-- Direct quotes holding the query's words (found in fct_quote, told with their speaker and article from
-- mart_quote), best first: the most of the query's terms, then the latest.
-- Parameters: $terms        the query's terms (varchar[]; sinmun.analytics.search_terms.terms of the query)
--             $date_from    first publication date, inclusive (date, or null for no bound)
--             $date_to      last publication date, inclusive (date, or null)
--             $publication  publication code (e.g. bitgoeul), or null for all
--             $kind         article kind, or null
--             $entity       the speaker's canonical name or alias, or null for any speaker
--             $limit        how many quotes
-- A term is found in a quote as it is written (nouns are their own surface: 성장 in 성장하겠다); a quote counts
-- each of the query's terms once.
with query_term as (
    select distinct unnest(cast($terms as varchar[])) as term
),

matched_quote as (
    select
        quote.article_key,
        quote.quote_ordinal,
        count(*) as matched_terms
    from fct_quote as quote
    join query_term on contains(lower(quote.quote_text), lower(query_term.term))
    group by quote.article_key, quote.quote_ordinal
),

final as (
    select
        quote.article_key,
        quote.quote_ordinal,
        matched_quote.matched_terms,
        quote.publication_date,
        quote.publication_key as publication,
        quote.page_number,
        quote.kind,
        quote.headline,
        quote.speaker_name as speaker,
        quote.speaker_type,
        quote.title_as_written,
        quote.reporting_verb,
        quote.quote_text
    from matched_quote
    join mart_quote as quote
        on quote.article_key = matched_quote.article_key and quote.quote_ordinal = matched_quote.quote_ordinal
    where ($date_from is null or quote.publication_date >= cast($date_from as date))
        and ($date_to is null or quote.publication_date <= cast($date_to as date))
        and ($publication is null or quote.publication_key = $publication)
        and ($kind is null or quote.kind = $kind)
        and ($entity is null or quote.speaker_name = $entity or list_contains(quote.speaker_aliases, $entity))
)

select * from final
order by matched_terms desc, publication_date desc nulls last, article_key, quote_ordinal
limit cast($limit as integer);
