"""Helpers shared by several test modules (plain functions and classes; fixtures live in the conftest.py files).
Test modules import from here, never from one another."""
