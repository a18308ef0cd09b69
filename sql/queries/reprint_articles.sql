-- The body and facts of the articles of candidate reprint pairs, to verify them.
-- $article_keys: the articles (varchar[]).
select article.article_key, article.body, fingerprint.fact_hashes
from fct_article as article
join reprint_fingerprint as fingerprint on fingerprint.article_key = article.article_key
where article.article_key in (select unnest(cast($article_keys as varchar[])));
