-- One verified pair of reprints: two articles whose bodies share most of their text and state the same facts
-- (sinmun.reprints.Comparison). Reprint clusters are the connected components of these pairs.
create table if not exists reprint_pair (
    article_key         varchar not null,  -- the smaller key of the two
    matched_article_key varchar not null,  -- the larger
    containment         double not null,   -- share of the smaller body's shingles found in the other body
    jaccard             double not null,   -- shared shingles / all shingles of the two
    fact_overlap        double not null,   -- shared facts / facts of the article with fewer
    load_id             varchar not null   -- the load that verified the pair (the later article's)
);
