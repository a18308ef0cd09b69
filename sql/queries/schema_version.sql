select max(schema_version) from warehouse_schema;
