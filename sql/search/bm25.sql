-- Articles ranked by BM25 over Kiwi morphemes (fct_article_term), best first, with optional filters.
-- Parameters: $terms        the query's terms (varchar[]; sinmun.analytics.search_terms.terms of the query)
--             $date_from    first publication date, inclusive (date, or null for no bound)
--             $date_to      last publication date, inclusive (date, or null)
--             $publication  publication code (e.g. bitgoeul), or null for all
--             $kind         article kind (news, photo, column, editorial, notice, continuation, ad), or null
--             $entity       an entity's canonical name or alias the article must mention, or null
--             $limit        how many articles
--             $collapse_reprints  true: one article per reprint cluster, its best-ranked printing, with how many
--                                 other printings the story has (reprints); false: every article, reprints null
-- BM25 with k1 = 1.2 and b = 0.75; a term in the headline or a subheadline counts three times. Document
-- frequencies and the average length are taken over the whole warehouse, before the filters. The sum is
-- scaled by the share of the query's terms the article has, so an article with every word of the query
-- ranks above one that repeats a single word.
with query_term as (
    select distinct unnest(cast($terms as varchar[])) as term
),

corpus as (
    select count(*) as article_count, avg(term_count) as average_term_count
    from fct_article
),

posting as materialized (
    select article_term.article_key, article_term.term, article_term.term_frequency, article_term.headline_frequency
    from fct_article_term as article_term
    where article_term.term in (select term from query_term)
),

term_document_frequency as (
    select term, count(*) as document_frequency
    from posting
    group by term
),

filtered_article as materialized (
    select
        article.article_key,
        article.term_count,
        article.publication_date,
        article.publication_key,
        article.page_number,
        article.kind,
        article.headline,
        article.body
    from mart_article as article
    where article.article_key in (select article_key from posting)
        and ($date_from is null or article.date_key >= cast(strftime(cast($date_from as date), '%Y%m%d') as integer))
        and ($date_to is null or article.date_key <= cast(strftime(cast($date_to as date), '%Y%m%d') as integer))
        and ($publication is null or article.publication_key = $publication)
        and ($kind is null or article.kind = $kind)
        and (
            $entity is null or article.article_key in (
                select mention.article_key
                from mart_entity_mention as mention
                where mention.canonical_name = $entity or list_contains(mention.aliases, $entity)
            )
        )
),

scored as (
    select
        posting.article_key,
        sum(
            ln(1 + (corpus.article_count - term_document_frequency.document_frequency + 0.5)
                / (term_document_frequency.document_frequency + 0.5))
            * (posting.term_frequency + 2 * posting.headline_frequency) * (1.2 + 1)
            / (
                posting.term_frequency + 2 * posting.headline_frequency
                + 1.2 * (1 - 0.75 + 0.75 * filtered_article.term_count / corpus.average_term_count)
            )
        ) as score,
        count(*) as matched_terms
    from posting
    join term_document_frequency on term_document_frequency.term = posting.term
    join filtered_article on filtered_article.article_key = posting.article_key
    cross join corpus
    group by posting.article_key
),

ranked as (
    select
        scored.article_key,
        round(scored.score * scored.matched_terms / (select count(*) from query_term), 4) as score,
        scored.matched_terms,
        filtered_article.publication_date,
        filtered_article.publication_key as publication,
        filtered_article.page_number,
        filtered_article.kind,
        filtered_article.headline,
        filtered_article.body
    from scored
    join filtered_article on filtered_article.article_key = scored.article_key
),

final as (
    select
        ranked.*,
        case when $collapse_reprints then coalesce(cluster.article_count - 1, 0) end as reprints,
        row_number() over (
            partition by coalesce(membership.reprint_cluster_key, ranked.article_key)
            order by ranked.score desc, ranked.publication_date desc, ranked.article_key
        ) as printing_rank
    from ranked
    -- the cluster membership itself, not mart_reprint_printing: its paper, date and page of every printing are not
    -- needed here, and joining them costs a search about a quarter of its time on 100,000 articles
    left join bridge_article_reprint as membership on membership.article_key = ranked.article_key
    left join dim_reprint_cluster as cluster on cluster.reprint_cluster_key = membership.reprint_cluster_key
)

select * exclude (printing_rank) from final
where not $collapse_reprints or printing_rank = 1
order by score desc, publication_date desc, article_key
limit cast($limit as integer);
