"""Keys derived in normalization: dates inside the calendar dimension, the unknown member outside it."""

from __future__ import annotations

from datetime import date

import pytest

from sinmun.ingest.normalize import UNKNOWN_DATE_KEY, article_entity_key, date_key


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", 20240305),
        (date(1988, 1, 1), 19880101),  # a historical year written in an article
        ("1900-01-01", 19000101),
        ("2099-12-31", 20991231),
        ("1592-01-01", UNKNOWN_DATE_KEY),  # before the calendar: the date stays in mentioned_date
        ("2100-01-01", UNKNOWN_DATE_KEY),
        (None, UNKNOWN_DATE_KEY),
        ("", UNKNOWN_DATE_KEY),
    ],
)
def test_date_key(value, expected):
    assert date_key(value) == expected


# (entity, whether two articles naming it share one key)
ENTITY_KEY_CASES = [
    ({"type": "PERSON", "name": "강도윤"}, True),
    ({"type": "ORG", "name": "광주시청"}, True),
    ({"type": "PERSON", "name": "A씨", "anonymous": True}, False),  # an anonymised person is one article's
    ({"type": "PERSON", "name": "김모씨", "anonymous": True}, False),
]


@pytest.mark.parametrize(("entity", "shared"), ENTITY_KEY_CASES, ids=[c[0]["name"] for c in ENTITY_KEY_CASES])
def test_article_entity_key(entity, shared):
    assert (article_entity_key("article-1", entity) == article_entity_key("article-2", entity)) is shared
    assert article_entity_key("article-1", entity) == article_entity_key("article-1", dict(entity))
