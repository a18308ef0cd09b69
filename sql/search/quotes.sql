-- Direct quotes (fct_quote) holding the query's words, best first: the most of the query's terms, then the latest.
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
        calendar.calendar_date as publication_date,
        article.publication_key as publication,
        article.page_number,
        article.kind,
        article.headline,
        case when quote.speaker_entity_key = 'unknown' then null else speaker.canonical_name end as speaker,
        quote.speaker_type,
        quote.title_as_written,
        quote.reporting_verb,
        quote.quote_text
    from matched_quote
    join fct_quote as quote
        on quote.article_key = matched_quote.article_key and quote.quote_ordinal = matched_quote.quote_ordinal
    join fct_article as article on article.article_key = quote.article_key
    join dim_entity as speaker on speaker.entity_key = quote.speaker_entity_key
    left join dim_date as calendar on calendar.date_key = article.date_key
    where ($date_from is null or article.date_key >= cast(strftime(cast($date_from as date), '%Y%m%d') as integer))
        and ($date_to is null or article.date_key <= cast(strftime(cast($date_to as date), '%Y%m%d') as integer))
        and ($publication is null or article.publication_key = $publication)
        and ($kind is null or article.kind = $kind)
        and ($entity is null or speaker.canonical_name = $entity or list_contains(speaker.aliases, $entity))
)

select * from final
order by matched_terms desc, publication_date desc nulls last, article_key, quote_ordinal
limit cast($limit as integer);
