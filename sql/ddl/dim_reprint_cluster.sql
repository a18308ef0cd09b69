-- One story printed more than once: a reprint cluster (two or more articles, across papers and days).
create table if not exists dim_reprint_cluster (
    reprint_cluster_key   varchar not null,  -- the smallest article_key among its members: stable across reloads
    first_article_key     varchar not null,  -- the earliest printing (bridge_article_reprint.is_earliest)
    first_publication_key varchar not null,  -- its paper
    first_date_key        integer not null,  -- its date (dim_date; -1 when no member's date is known)
    last_date_key         integer not null,  -- the latest printing's date
    article_count         integer not null,  -- printings (articles) in the cluster
    publication_count     integer not null,  -- papers that printed it
    load_id               varchar not null   -- the load that last wrote the row
);
