-- The version of the table layout this warehouse was created with (one row). sinmun refuses to load into a
-- warehouse of another version, rather than half-fit new rows into old tables: build a new file instead.
create table if not exists warehouse_schema (
    schema_version integer not null,
    created_by     varchar not null,  -- sinmun version that created the file
    created_at     timestamp not null
);
