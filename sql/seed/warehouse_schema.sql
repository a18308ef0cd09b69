insert into warehouse_schema
select $schema_version, $created_by, $created_at
where not exists (select 1 from warehouse_schema);
