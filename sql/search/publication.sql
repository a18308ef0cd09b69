-- The publication a search is filtered to: the one whose code or name is $publication, and every publication's
-- code and name (to say which there are when none matches).
-- Parameters: $publication  a publication code (bitgoeul) or the paper's name (빛고을신문)
select
    publication_key,
    publication_name,
    publication_key = $publication or publication_name = $publication as is_wanted
from dim_publication
where publication_key <> 'unknown'
order by publication_key;
