-- Rows in one staged Parquet file.
select count(*) from read_parquet($staged);
