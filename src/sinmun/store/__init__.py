"""The warehouse: the one package that opens DuckDB."""
