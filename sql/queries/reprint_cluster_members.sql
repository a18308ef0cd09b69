-- The members of the reprint clusters of some articles, or of some clusters, and every verified pair touching
-- them: what re-clustering them needs.
-- $article_keys: articles (varchar[]); $cluster_keys: clusters (varchar[]).
with member as (
    select unnest(cast($article_keys as varchar[])) as article_key
    union
    select membership.article_key
    from bridge_article_reprint as membership
    where membership.reprint_cluster_key in (
        select reprint_cluster_key
        from bridge_article_reprint
        where article_key in (select unnest(cast($article_keys as varchar[])))
        union
        select unnest(cast($cluster_keys as varchar[]))
    )
)

select member.article_key, pair.matched_article_key
from member
left join reprint_pair as pair on pair.article_key = member.article_key
union all
select member.article_key, pair.article_key
from member
join reprint_pair as pair on pair.matched_article_key = member.article_key;
