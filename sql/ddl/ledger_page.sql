-- One row per page version loaded. A page is identified by page_id (publication, date and page number when
-- known, else its path in the inbox); a new text of the same page is a new version that replaces the old one.
create table if not exists ledger_page (
    page_id           varchar not null,
    source_path       varchar not null,   -- path relative to the inbox
    sha256            varchar not null,
    encoding          varchar not null,
    publication_code  varchar,
    publication_date  date,
    page_number       integer,
    section           varchar,
    metadata_source   varchar not null,   -- manifest | layout | header | unknown
    article_count     integer not null,
    load_id           varchar not null,
    loaded_at         timestamp not null, -- UTC
    is_current        boolean not null,   -- false once a newer version of the page is loaded
    reader_version    varchar             -- the reading it was read with (sinmun.reader_version); null: not recorded
);
