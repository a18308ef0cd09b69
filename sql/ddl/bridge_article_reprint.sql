-- Bridge between an article and the reprint cluster it belongs to: the story it tells, printed more than once
-- (in other papers, or on other days). Articles printed once have no row.
create table if not exists bridge_article_reprint (
    article_key         varchar not null,  -- fct_article
    reprint_cluster_key varchar not null,  -- dim_reprint_cluster: the smallest article_key of the cluster
    is_earliest         boolean not null,  -- the cluster's first printing (earliest date; then paper, page, position)
    load_id             varchar not null   -- the load that last wrote the row (a later reprint rewrites its cluster)
);
