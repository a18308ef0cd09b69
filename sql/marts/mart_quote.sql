-- mart_quote: one row per direct quote in an article's body, with its speaker and the article's paper, date, page
-- and kind. Key: (article_key, quote_ordinal). speaker_name is the speaker's canonical name, null when the speaker
-- is unnamed (speaker_entity_key 'unknown'); speaker_aliases are the other names the texts used for them.
-- Who said what, who is quoted most and the search of quotes read this view.
create or replace view mart_quote as
with quote as (
    select * from fct_quote
),

speaker as (
    select * from dim_entity
),

article as (
    select * from mart_article
),

final as (
    select
        quote.article_key,
        quote.quote_ordinal,
        quote.speaker_entity_key,
        case when quote.speaker_entity_key = 'unknown' then null else speaker.canonical_name end as speaker_name,
        case when quote.speaker_entity_key = 'unknown' then null else speaker.aliases end as speaker_aliases,
        quote.speaker_type,
        quote.title_as_written,
        quote.reporting_verb,
        quote.quote_text,
        quote.start_char,
        quote.end_char,
        article.publication_key,
        article.publication_name,
        article.date_key,
        article.publication_date,
        article.page_number,
        article.kind,
        article.headline
    from quote
    join speaker on speaker.entity_key = quote.speaker_entity_key
    join article on article.article_key = quote.article_key
)

select * from final;
