-- What it answers: how much of each paper's stories ran in more than one printing: of the stories it printed
-- (articles that reprint clustering judges: news, columns, editorials, notices, continuations long enough), how
-- many belong to a reprint cluster, split into those it printed first and those another printing preceded.
-- Parameters: $date_from  first publication date, inclusive, or null for no bound
--             $date_to    last publication date, inclusive, or null for no bound
with story_in_range as (
    select article.article_key, article.publication_name
    from mart_article as article
    semi join reprint_fingerprint as fingerprint on fingerprint.article_key = article.article_key
    where ($date_from is null or article.publication_date >= cast($date_from as date))
        and ($date_to is null or article.publication_date <= cast($date_to as date))
),

story as (
    select
        story_in_range.publication_name,
        printing.article_key is not null as is_reprinted,
        printing.is_earliest
    from story_in_range
    left join mart_reprint_printing as printing on printing.article_key = story_in_range.article_key
),

final as (
    select
        publication_name,
        count(*) as stories,
        count(*) filter (where is_reprinted) as reprinted,
        count(*) filter (where is_earliest) as printed_first,
        count(*) filter (where is_reprinted and not is_earliest) as printed_after,
        round(count(*) filter (where is_reprinted) / count(*), 4) as reprinted_share
    from story
    group by publication_name
)

select * from final
order by reprinted_share desc, stories desc, publication_name;
