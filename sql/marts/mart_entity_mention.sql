-- mart_entity_mention: one row per mention of an entity (person, organization, place) in an article, with the
-- entity and the article's paper, date, page and kind. Key: (article_key, mention_ordinal). canonical_name is the
-- entity's name across the corpus, mention_text the name as written here, title_as_written the title written
-- beside a person at this mention; is_anonymous marks a person the article does not name (A씨, 김모씨: its
-- entity is that article's alone), whom rankings and co-occurrence leave out. Counting mentions, articles naming an
-- entity, or entities named together reads this view.
create or replace view mart_entity_mention as
with mention as (
    select * from fct_entity_mention
),

entity as (
    select * from dim_entity
),

article as (
    select * from mart_article
),

final as (
    select
        mention.article_key,
        mention.mention_ordinal,
        mention.entity_key,
        entity.entity_type,
        entity.canonical_name,
        entity.is_anonymous,
        entity.aliases,
        entity.place_key,
        mention.mention_text,
        mention.title_as_written,
        mention.text_field,
        mention.start_char,
        mention.end_char,
        article.publication_key,
        article.publication_name,
        article.date_key,
        article.publication_date,
        article.page_id,
        article.page_number,
        article.kind,
        article.headline
    from mention
    join entity on entity.entity_key = mention.entity_key
    join article on article.article_key = mention.article_key
)

select * from final;
