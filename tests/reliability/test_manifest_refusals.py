"""A manifest typo through the real `sinmun ingest` and `sinmun quarantine`: the file named by the bad row stays in
the inbox, its refusal is recorded once however many runs meet it, it loads once the row is fixed, and
`quarantine dismiss` ends a refusal that needs no retry.

One inbox, three runs: the manifest lists three sample pages, one with a month 13 (fixed before the third run),
one with a page number past any paper's (dismissed before the third run, never fixed), one right.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.cli_runs import CliResult, printed_counts, run_cli
from tests.helpers.warehouse import SAMPLES, query, write_manifest

pytestmark = pytest.mark.integration  # the real `sinmun` command in a subprocess

TYPO = "특집/월이 틀린 면.txt"  # listed with the date 2024-13-05, fixed to 2024-03-05 before the third run
DISMISSED = "특집/면이 틀린 면.txt"  # listed with page 3000000000; its refusal is dismissed
RIGHT = "특집/맞는 면.txt"
SOURCES = {TYPO: "bitgoeul/2024-03-05/1.txt", DISMISSED: "namdo/2024-03-06/6.txt", RIGHT: "bitgoeul/2024-03-08/5.txt"}


def manifest_rows(typo_date: str) -> list[dict]:
    return [
        {"path": TYPO, "publication": "bitgoeul", "date": typo_date, "page": "1"},
        {"path": DISMISSED, "publication": "namdo", "date": "2024-03-06", "page": "3000000000"},
        {"path": RIGHT, "publication": "bitgoeul", "date": "2024-03-08", "page": "5"},
    ]


@dataclass
class Scenario:
    inbox: Path
    warehouse: Path
    runs: list[CliResult]
    listed: list[list[dict]]  # `quarantine list --format json` after each run (and after the dismissal)
    rows: list[list[tuple]]  # (source_path, reason, resolved, dismissed) of every quarantine row after each run
    dismissal: CliResult
    dismiss_unknown: CliResult
    dismiss_nothing: CliResult


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory, sinmun_bin: Path) -> Scenario:
    root = tmp_path_factory.mktemp("manifest")
    inbox, warehouse = root / "inbox", root / "warehouse" / "sinmun.duckdb"
    (inbox / "특집").mkdir(parents=True)
    for rel, sample in SOURCES.items():
        (inbox / rel).write_bytes((SAMPLES / sample).read_bytes())
    write_manifest(inbox, manifest_rows("2024-13-05"))

    def sinmun(*args: str) -> CliResult:
        return run_cli(sinmun_bin, *args, "--warehouse", warehouse)

    def listing() -> list[dict]:
        result = sinmun("quarantine", "list", "--format", "json")
        assert result.returncode == 0, result.explain()
        return json.loads(result.stdout)

    def rows() -> list[tuple]:
        return query(warehouse, "select source_path, reason, resolved_at is not null, dismissed_at is not null "
                                "from quarantine order by source_path, quarantined_at")  # fmt: skip

    runs, listed, table = [], [], []
    for _ in range(2):
        runs.append(sinmun("ingest", str(inbox), "--no-progress"))
        listed.append(listing())
        table.append(rows())
    dismissal = sinmun("quarantine", "dismiss", DISMISSED)
    dismiss_unknown = sinmun("quarantine", "dismiss", "특집/없는 면.txt")
    dismiss_nothing = sinmun("quarantine", "dismiss")
    listed.append(listing())
    write_manifest(inbox, manifest_rows("2024-03-05"))
    runs.append(sinmun("ingest", str(inbox), "--no-progress"))
    listed.append(listing())
    table.append(rows())
    return Scenario(inbox, warehouse, runs, listed, table, dismissal, dismiss_unknown, dismiss_nothing)


def test_a_file_with_a_bad_manifest_row_stays_in_the_inbox_and_its_refusal_is_listed(scenario: Scenario) -> None:
    first = scenario.runs[0]
    assert first.returncode == 0, first.explain()
    counts = printed_counts(first)
    assert (counts["seen"], counts["loaded"], counts["quarantined"]) == (3, 1, 2), first.stdout
    for rel in SOURCES:
        assert (scenario.inbox / rel).read_bytes() == (SAMPLES / SOURCES[rel]).read_bytes(), f"{rel} not in place"
    listed = {row["source_path"]: row for row in scenario.listed[0]}
    assert set(listed) == {TYPO, DISMISSED}
    assert listed[TYPO]["reason"] == "bad-manifest" and "2024-13-05" in listed[TYPO]["detail"]
    assert "3000000000" in listed[DISMISSED]["detail"]
    assert all(row["quarantine_path"] is None and row["file"] == "left in place" for row in listed.values())


def test_a_manifest_still_wrong_on_a_later_run_adds_no_refusal_row(scenario: Scenario) -> None:
    second = scenario.runs[1]
    assert second.returncode == 0, second.explain()
    counts = printed_counts(second)
    assert (counts["loaded"], counts["dup"], counts["quarantined"], counts["deferred"]) == (0, 1, 0, 2), second.stdout
    assert "2 refused before, waiting in the inbox" in second.stdout
    assert scenario.rows[1] == scenario.rows[0] and len(scenario.rows[0]) == 2, scenario.rows
    assert scenario.listed[1] == scenario.listed[0], "still listed, as first recorded"


def test_dismiss_ends_a_refusal_that_needs_no_retry(scenario: Scenario) -> None:
    assert scenario.dismissal.returncode == 0, scenario.dismissal.explain()
    assert f"dismissed 1 refusal\n  {DISMISSED}" in scenario.dismissal.stdout
    assert [row["source_path"] for row in scenario.listed[2]] == [TYPO]
    unknown, nothing = scenario.dismiss_unknown, scenario.dismiss_nothing
    assert unknown.returncode == 1 and "no open refusal of 특집/없는 면.txt" in unknown.stderr, unknown.explain()
    assert nothing.returncode == 2 and len(nothing.stderr.strip().splitlines()) == 1, nothing.explain()
    # The dismissed file is still refused by the third run (its row is still wrong), and never recorded again.
    assert (scenario.inbox / DISMISSED).exists()
    assert [r for r in scenario.rows[2] if r[0] == DISMISSED] == [(DISMISSED, "bad-manifest", True, True)]


def test_a_file_loads_once_its_manifest_row_is_fixed_and_its_refusal_is_resolved(scenario: Scenario) -> None:
    third = scenario.runs[2]
    assert third.returncode == 0, third.explain()
    counts = printed_counts(third)
    assert (counts["loaded"], counts["dup"], counts["quarantined"], counts["deferred"]) == (1, 1, 0, 1), third.stdout
    loaded = query(scenario.warehouse, "select page_id, metadata_source from ledger_page where source_path = ?", [TYPO])
    assert loaded == [("bitgoeul/2024-03-05/1", "manifest")]
    assert [r for r in scenario.rows[2] if r[0] == TYPO] == [(TYPO, "bad-manifest", True, False)]
    assert scenario.listed[3] == [], "nothing left to do"
