-- One article that reprint clustering considers (a story-telling kind with a body long enough to judge; see
-- sinmun.reprints): the facts it states, which a later load compares with its candidates'.
create table if not exists reprint_fingerprint (
    article_key varchar not null,   -- fct_article
    fact_hashes bigint[] not null,  -- hashes of the numbers (with units) and entities written in the body, sorted
    load_id     varchar not null
);
