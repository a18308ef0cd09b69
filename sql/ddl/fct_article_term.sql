-- Search index: one row per article and term (a content morpheme of Kiwi's analysis, or a compound noun
-- written as one word), built at load time from the same Kiwi pass as the entities. See sinmun.analytics.search_terms.
create table if not exists fct_article_term (
    article_key        varchar not null,  -- fct_article
    term               varchar not null,  -- morpheme form: 광주시, 인공지능, 밝히 (stem), ai (foreign words lowercased)
    term_frequency     integer not null,  -- occurrences in headline, subheadlines and body
    headline_frequency integer not null,  -- of which in the headline and subheadlines
    load_id            varchar not null
);
