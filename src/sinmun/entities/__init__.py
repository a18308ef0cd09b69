"""Entities: people, organizations, places, dates and amounts found in article text."""
