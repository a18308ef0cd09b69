"""The sample warehouse's most mentioned places and organizations are names: no verb form, no common word that only
ends like a place (알려지면, 배터리, 목소리) or an organization."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinmun.analytics.sql_runner import run_query
from sinmun.entities import organizations, places
from sinmun.entities.lexicon import generic_institutions, org_ending
from sinmun.morphology import tokenize
from tests.conftest import ROOT, SampleWarehouse

pytestmark = pytest.mark.integration  # the sample warehouse, loaded by the real `sinmun` command

QUERY = (ROOT / "sql" / "queries" / "top_entity_names.sql").read_text(encoding="utf-8")
VERBAL = ("V", "E", "XSV", "XSA")


def top_names(warehouse: Path, entity_type: str, top: int = 30) -> list[str]:
    _, rows = run_query(warehouse, QUERY, {"entity_type": entity_type, "top": str(top)})
    return [row[0] for row in rows]


def not_a_name(name: str, tokens: list) -> str | None:
    """Why Kiwi's reading of ``name`` says it is a verb form or a plain common word, or None."""
    if any(tag.startswith(VERBAL) for _, _, tag, _ in tokens):
        return "verb form"
    known = (
        places.place_by_name(name)
        or places.place_of_form(name)
        or name in organizations.known_forms()
        or name in generic_institutions()  # 정부, 경찰: organizations by convention, marked generic
    )
    if len(tokens) == 1 and tokens[0][2] == "NNG" and not known and not org_ending(name):
        return "common noun"
    return None


@pytest.mark.parametrize("entity_type", ["LOCATION", "ORG"])
def test_top_places_and_organizations_are_names(samples_warehouse: SampleWarehouse, entity_type: str) -> None:
    names = top_names(samples_warehouse.path, entity_type)
    assert len(names) == 30
    wrong = {
        name: why
        for name, tokens in zip(names, tokenize([n.split()[-1] for n in names]), strict=True)
        if (why := not_a_name(name, tokens))
    }
    assert wrong == {}
