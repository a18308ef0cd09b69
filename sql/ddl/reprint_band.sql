-- One LSH band of one article's MinHash signature (sinmun.reprints: 32 bands of 4 rows). Two articles sharing a
-- band hash are a candidate pair: a load finds the candidates of its articles among all those loaded before by
-- joining on band_hash, without reading their text.
create table if not exists reprint_band (
    article_key varchar not null,  -- reprint_fingerprint
    band_hash   bigint not null,   -- the band's number and its four minimum hashes, hashed together
    load_id     varchar not null
);
