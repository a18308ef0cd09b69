-- Reprint clusters that break their invariants (each row here is a failure): every cluster has two or more
-- members, exactly one earliest printing, the smallest member's article key as its key and the members its
-- dimension row counts; every verified pair lies inside one cluster.
with membership as (
    select
        reprint_cluster_key,
        count(*) as members,
        count(*) filter (where is_earliest) as earliest,
        min(article_key) as smallest_member
    from bridge_article_reprint
    group by reprint_cluster_key
)

select 'reprint cluster: fewer than two members, not one earliest printing, or not keyed by its smallest member'
    as failure, membership.reprint_cluster_key as key_value
from membership
where membership.members < 2 or membership.earliest <> 1 or membership.smallest_member <> membership.reprint_cluster_key
union all
select 'reprint cluster: dim_reprint_cluster counts other members, or has no bridge rows', cluster.reprint_cluster_key
from dim_reprint_cluster as cluster
left join membership on membership.reprint_cluster_key = cluster.reprint_cluster_key
where membership.members is distinct from cluster.article_count
union all
select 'reprint pair: its two articles are not in one cluster', pair.article_key || ' ' || pair.matched_article_key
from reprint_pair as pair
left join bridge_article_reprint as a on a.article_key = pair.article_key
left join bridge_article_reprint as b on b.article_key = pair.matched_article_key
where a.reprint_cluster_key is null or a.reprint_cluster_key is distinct from b.reprint_cluster_key
