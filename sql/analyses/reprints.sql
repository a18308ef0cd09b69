-- Reprints: the stories printed more than once (reprint clusters), largest first, each with its first printing
-- and every paper, date and page that printed it.
-- Parameters:
--   $min_papers  integer, default 1: only stories printed by at least this many papers
--   $date_from   date, default none: only stories first printed on or after this date (none: from the first)
--   $date_to     date, default none: only stories first printed on or before this date (none: to the last)
with printing as (
    select *
    from mart_reprint_printing
),

first_printing as (
    select
        reprint_cluster_key,
        cluster_article_count,
        cluster_publication_count,
        cluster_first_date as first_date,
        publication_name as first_publication,
        headline as first_headline,
        cluster_last_date as last_date
    from printing
    where is_earliest
        and cluster_publication_count >= $min_papers
        and ($date_from is null or cluster_first_date >= cast($date_from as date))
        and ($date_to is null or cluster_first_date <= cast($date_to as date))
),

printings as (
    select
        reprint_cluster_key,
        list(
            {
                'publication': publication_name,
                'date': publication_date,
                'page': page_number,
                'headline': headline
            }
            order by is_earliest desc, date_key = -1, date_key, publication_key, page_number, ordinal, article_key
        ) as printings,
        list(distinct publication_name order by publication_name) as publications
    from printing
    group by reprint_cluster_key
),

final as (
    select
        first_printing.reprint_cluster_key,
        first_printing.first_headline,
        first_printing.first_publication,
        first_printing.first_date,
        first_printing.last_date,
        first_printing.cluster_publication_count as papers,
        first_printing.cluster_article_count as articles,
        printings.publications,
        printings.printings
    from first_printing
    join printings on printings.reprint_cluster_key = first_printing.reprint_cluster_key
)

select * from final
order by papers desc, articles desc, first_date nulls last, reprint_cluster_key;
