-- Rewrite the reprint clusters of some articles: their rows go, their new clusters (the connected components of
-- the verified pairs, computed by sinmun.reprints.clusters) come in, with each cluster's first printing.
-- Parameters (named without their dollar sign here, since each statement is bound to the names it uses):
-- members: every article re-clustered (varchar[]); old_cluster_keys: the clusters they belonged to, and the
-- clusters a superseded page shrank (varchar[]); article_keys and cluster_keys: the new membership, in parallel
-- lists (articles left alone are not in them); load_id.
delete from dim_reprint_cluster
where reprint_cluster_key in (select unnest(cast($old_cluster_keys as varchar[])))
    or reprint_cluster_key in (
        select reprint_cluster_key from bridge_article_reprint
        where article_key in (select unnest(cast($members as varchar[])))
    );

delete from bridge_article_reprint
where article_key in (select unnest(cast($members as varchar[])))
    or reprint_cluster_key in (select unnest(cast($old_cluster_keys as varchar[])));

insert into bridge_article_reprint by name
with membership as (
    select
        unnest(cast($article_keys as varchar[])) as article_key,
        unnest(cast($cluster_keys as varchar[])) as reprint_cluster_key
),

printing as (
    select
        membership.article_key,
        membership.reprint_cluster_key,
        row_number() over (
            partition by membership.reprint_cluster_key
            order by article.date_key = -1, article.date_key, article.publication_key, article.page_number nulls last,
                article.ordinal, article.article_key
        ) as printing_order
    from membership
    join fct_article as article on article.article_key = membership.article_key
)

select article_key, reprint_cluster_key, printing_order = 1 as is_earliest, $load_id as load_id
from printing;

insert into dim_reprint_cluster by name
select
    membership.reprint_cluster_key as reprint_cluster_key,
    any_value(article.article_key) filter (where membership.is_earliest) as first_article_key,
    any_value(article.publication_key) filter (where membership.is_earliest) as first_publication_key,
    any_value(article.date_key) filter (where membership.is_earliest) as first_date_key,
    coalesce(max(article.date_key) filter (where article.date_key <> -1), -1) as last_date_key,
    count(*) as article_count,
    count(distinct article.publication_key) as publication_count,
    $load_id as load_id
from bridge_article_reprint as membership
join fct_article as article on article.article_key = membership.article_key
where membership.reprint_cluster_key in (select unnest(cast($cluster_keys as varchar[])))
group by membership.reprint_cluster_key;
