-- Entities: new ones are added; known ones gain the aliases this batch used for them (only rows whose aliases
-- change are rewritten: most entities of a batch are known under aliases already recorded).
update dim_entity
set aliases = list_sort(list_distinct(list_concat(dim_entity.aliases, staged.aliases)))
from read_parquet($staged) as staged
where dim_entity.entity_key = staged.entity_key
    and dim_entity.aliases is distinct from list_sort(list_distinct(list_concat(dim_entity.aliases, staged.aliases)));

insert into dim_entity by name
select staged.* replace (list_sort(staged.aliases) as aliases), $load_id as load_id
from read_parquet($staged) as staged
where staged.entity_key not in (select entity_key from dim_entity);
