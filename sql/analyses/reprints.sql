-- Reprints: the stories printed more than once (reprint clusters), largest first, each with its first printing
-- and every paper, date and page that printed it.
-- Parameters:
--   $min_papers  integer, default 1: only stories printed by at least this many papers
--   $date_from   date, default none: only stories first printed on or after this date (none: from the first)
--   $date_to     date, default none: only stories first printed on or before this date (none: to the last)
with cluster as (
    select *
    from dim_reprint_cluster
),

printing as (
    select
        membership.reprint_cluster_key,
        membership.is_earliest,
        article.article_key,
        article.publication_key,
        article.date_key,
        article.page_number,
        article.ordinal,
        article.headline,
        calendar.calendar_date
    from bridge_article_reprint as membership
    join fct_article as article on article.article_key = membership.article_key
    left join dim_date as calendar on calendar.date_key = article.date_key
),

first_printing as (
    select
        cluster.reprint_cluster_key,
        cluster.article_count,
        cluster.publication_count,
        first_calendar.calendar_date as first_date,
        first_paper.publication_name as first_publication,
        printing.headline as first_headline,
        last_calendar.calendar_date as last_date
    from cluster
    join printing on printing.article_key = cluster.first_article_key
    join dim_publication as first_paper on first_paper.publication_key = cluster.first_publication_key
    left join dim_date as first_calendar on first_calendar.date_key = cluster.first_date_key
    left join dim_date as last_calendar on last_calendar.date_key = cluster.last_date_key
    where cluster.publication_count >= $min_papers
        and ($date_from is null or first_calendar.calendar_date >= cast($date_from as date))
        and ($date_to is null or first_calendar.calendar_date <= cast($date_to as date))
),

printings as (
    select
        printing.reprint_cluster_key,
        list(
            {
                'publication': paper.publication_name,
                'date': printing.calendar_date,
                'page': printing.page_number,
                'headline': printing.headline
            }
            order by printing.is_earliest desc, printing.date_key = -1, printing.date_key, printing.publication_key,
                printing.page_number, printing.ordinal, printing.article_key
        ) as printings,
        list(distinct paper.publication_name order by paper.publication_name) as publications
    from printing
    join dim_publication as paper on paper.publication_key = printing.publication_key
    group by printing.reprint_cluster_key
),

final as (
    select
        first_printing.reprint_cluster_key,
        first_printing.first_headline,
        first_printing.first_publication,
        first_printing.first_date,
        first_printing.last_date,
        first_printing.publication_count as papers,
        first_printing.article_count as articles,
        printings.publications,
        printings.printings
    from first_printing
    join printings on printings.reprint_cluster_key = first_printing.reprint_cluster_key
)

select * from final
order by papers desc, articles desc, first_date nulls last, reprint_cluster_key;
