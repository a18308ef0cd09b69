"""Prefect flows: short narratives that call the sinmun library."""
