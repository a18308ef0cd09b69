"""sinmun: Korean newspaper pages into a DuckDB star schema."""

__version__ = "0.1.0"
