"""The project's own sample pages, scored against their gold readings with the judges' scorer.

The samples (``samples/``) and their golds (``tests/golden/``) are generated together by
``samples/make_samples.py``. The figures asserted are floors: the reader may only get better.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from sinmun.parse import parse_page_bytes
from tests.conftest import ROOT, SCORER, require_shared

GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.gold.json"))

# Totals over all golden pages (matched, out of); measured 2026-11-23.
FLOORS = {
    "articles_found": 0.98,
    "kind": 0.98,
    "headline_exact": 0.95,
    "byline": 0.95,
    "body_similarity_x100": 0.97,
    "column_breaks_repaired": 0.94,
    "cross_refs": 0.99,
    "page_metadata_inferred": 1.0,
    "page_furniture_excluded": 1.0,
    "continuations": 1.0,
    "person_recall": 0.85,
    "person_precision": 0.95,
    "person_title": 0.85,
    "org_loc_recall": 0.85,
    "alias_coref": 0.85,
    "dates_resolved": 0.98,
}


def _scorer():
    require_shared()
    spec = importlib.util.spec_from_file_location("score_pages", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _page_path(gold: dict) -> Path:
    return ROOT / "samples" / gold["source"]


@dataclass(frozen=True)
class Reading:
    gold: dict
    read: dict  # the reader's answer with the manifest's options, as the judges run it
    bare: dict  # its answer without them (no entities): the page metadata must be inferred from the page itself


@pytest.fixture(scope="module")
def readings() -> dict[str, Reading]:
    """Every golden page read once, for all the tests below."""
    out = {}
    for path in GOLDEN:
        gold = json.loads(path.read_text(encoding="utf-8"))
        page = _page_path(gold)
        manifest = gold.get("manifest") or {}
        read = parse_page_bytes(
            page.read_bytes(),
            path=str(page),
            publication=manifest.get("publication"),
            publication_date=date.fromisoformat(manifest["date"]) if manifest.get("date") else None,
            page=manifest.get("page"),
        )
        bare = parse_page_bytes(page.read_bytes(), path=str(page), with_entities=False)
        out[_stem(path)] = Reading(gold, read, bare)
    return out


def _stem(path: Path) -> str:
    return path.name.removesuffix(".gold.json")


def test_every_gold_has_its_page() -> None:
    assert len(GOLDEN) >= 30
    for path in GOLDEN:
        assert _page_path(json.loads(path.read_text(encoding="utf-8"))).exists(), path.name


def test_golden_pages_score_at_their_floors(readings: dict[str, Reading]) -> None:
    scorer = _scorer()
    totals: dict[str, list[int]] = {}
    for reading in readings.values():
        # Like the judges' run, with the manifest's options; page metadata is scored on a run without them,
        # where it must be inferred from the page itself.
        scores = scorer.score_page(reading.gold, reading.read)
        if "page_metadata_inferred" in scores:
            scores["page_metadata_inferred"] = scorer.score_page(reading.gold, reading.bare)["page_metadata_inferred"]
        for metric, (got, of) in scores.items():
            t = totals.setdefault(metric, [0, 0])
            t[0] += got
            t[1] += of
    for metric, floor in FLOORS.items():
        got, of = totals[metric]
        assert of > 0, metric
        assert got / of >= floor, f"{metric}: {got}/{of} below {floor}"


# What each article of a gold holds and the reader's answer has under the same name, compared exactly.
ARTICLE_FIELDS = (
    "ordinal",
    "kind",
    "headline",
    "subheadlines",
    "label",
    "cross_refs",
    "continues_on",
    "continues_from",
)
BYLINE_FIELDS = ("name", "names", "role", "email", "affiliation", "credit")
# Byline fields the golds hold that the reader's answer (the `sinmun parse` contract) has no place for.
BYLINE_FIELDS_NOT_IN_THE_CONTRACT = ("dateline",)


def disagreements(reading: Reading) -> dict[tuple, tuple]:
    """Where the reader's answer differs from the gold: (article ordinal or "page", what) -> (gold, reader)."""
    gold, read, bare = reading.gold, reading.read, reading.bare
    found: dict[tuple, tuple] = {}

    def compare(where: tuple, want: object, got: object) -> None:
        if want != got:
            found[where] = (want, got)

    compare(("page", "article count"), len(gold["articles"]), len(read["articles"]))
    for want, got in zip(gold["articles"], read["articles"], strict=False):
        ordinal = want["ordinal"]
        for field in ARTICLE_FIELDS:
            compare((ordinal, field), want.get(field), got.get(field))
        if want["kind"] != "ad":  # a gold leaves an advertisement's text out (its body is "")
            compare((ordinal, "body"), want["body"], got["body"])  # a photo's body is its caption
        if want["byline"] is None or got["byline"] is None:
            compare((ordinal, "byline"), want["byline"], got["byline"])
        else:
            for field in BYLINE_FIELDS:
                compare((ordinal, f"byline {field}"), want["byline"].get(field), got["byline"].get(field))
            assert not set(BYLINE_FIELDS_NOT_IN_THE_CONTRACT) & got["byline"].keys(), "compare it with the gold's"
    manifest = gold.get("manifest") or {}
    source = read["source"]
    compare(("page", "metadata given"), (manifest.get("publication"), manifest.get("date"), manifest.get("page")),
            (source["publication"], source["publication_date"], source["page"]))  # fmt: skip
    if inferred := gold.get("expect_inferred"):
        compare(("page", "metadata inferred"), (inferred["publication_date"], inferred["page"]),
                (bare["source"]["publication_date"], bare["source"]["page"]))  # fmt: skip
    articles_text = [f"{a['headline'] or ''} {a['body'] or ''}" for a in read["articles"] if a["kind"] != "ad"]
    for furniture in gold.get("not_in_any_article") or []:
        compare(("page", f"furniture {furniture!r} in an article"), False, any(furniture in t for t in articles_text))
    for written, day in (gold.get("resolved_dates") or {}).items():
        # The gold names a day as written ("6일까지"); the reader's mention may be shorter or longer ("6일").
        days = {d["date"] for a in read["articles"] for d in a.get("dates") or [] if _overlap(d["text"], written)}
        compare(("page", f"date {written!r}"), day, day if day in days else sorted(days, key=str))
    return found


def _overlap(a: str, b: str) -> bool:
    return a in b or b in a


def _fields(ordinal: int, *fields: str) -> set[tuple]:
    return {(ordinal, field) for field in fields}


# Where the reader reads a golden page otherwise than its gold (the golds are right: samples/make_samples.py writes
# the page and its gold from the same pieces): gold -> (the disagreements, why). A gold the reader comes to agree
# with fails its test until its entry here goes.
BREAK_JOINED = "a column break between two words is repaired without the space between them"
PHOTO_TITLE = "a photo's title, caption and byline on one line: the title is cut after its quoted words, the rest opens the caption"
AD_LINE_AS_HEADLINE = (
    "the advertisement's last line (3월 4일 ~ 3월 30일) is read as the next article's headline: the headline becomes "
    "a subheadline and the subheadline opens the body"
)
KNOWN_DISAGREEMENTS: dict[str, tuple[set[tuple], str]] = {
    "bitgoeul_2024-03-04_1": ({(1, "body"), (3, "body")}, BREAK_JOINED + " (자연형호안, 마이스터일자리)"),
    "seohae_2024-03-07_3": ({(1, "body")}, BREAK_JOINED + " (특화하면서남권)"),
    "bitgoeul_2024-03-05_1": (_fields(3, "headline", "body"), PHOTO_TITLE),
    "namdo_2024-03-11_1": (_fields(2, "headline", "body"), PHOTO_TITLE),
    "seohae_2024-03-13_1": (_fields(2, "headline", "body"), PHOTO_TITLE),
    "namdo_2024-03-06_6": (_fields(3, "headline", "subheadlines", "body"), AD_LINE_AS_HEADLINE),
    "enc_utf8_bom": (_fields(3, "headline", "subheadlines", "body"), AD_LINE_AS_HEADLINE + " (namdo 2024-03-06 6)"),
    "seohae_2024-03-07_1": (
        _fields(1, "subheadlines", "body"),
        "the subheadline (2030년까지 1800억원 투입 부두 3선석 확장) is read as the first words of the body",
    ),
    "namdo_2024-03-14_23": (
        {("page", "article count"), ("page", "date '19일'"), *_fields(3, "body", "byline")},
        "the notice and the article after it are read as one piece (the article's headline joined to its first "
        "paragraph, its byline the notice's); the notice's 19일 (a coming event) resolves to 2024-02-19",
    ),
    "seohae_2024-03-15_9": (
        {("page", "article count"), *_fields(3, "kind", "headline", "body", "byline"),
         *_fields(4, "kind", "headline", "body", *(f"byline {f}" for f in ("name", "names", "role", "email", "credit"))),
         *_fields(5, "kind", "headline", "body", *(f"byline {f}" for f in ("name", "names", "role", "email", "credit")))},
        "one advertisement (남도 한정식) is read as two (its first line, the rest): every piece after it is one "
        "place further on",
    ),
}  # fmt: skip


@pytest.mark.parametrize("path", GOLDEN, ids=[_stem(p) for p in GOLDEN])
def test_golden_page_reads_as_its_gold(path: Path, readings: dict[str, Reading]) -> None:
    reading = readings[_stem(path)]
    assert reading.read["articles"] and reading.bare["articles"]
    found = disagreements(reading)
    known, why = KNOWN_DISAGREEMENTS.get(_stem(path), (set(), ""))
    detail = "\n".join(
        f"  {where}: gold {want!r}, reader {got!r}" for where, (want, got) in sorted(found.items(), key=str)
    )
    assert found.keys() == known, f"{why}\n{detail}"
