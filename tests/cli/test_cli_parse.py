"""`sinmun parse` through the real console script: the contract, bad input, and the reference page's score."""

from __future__ import annotations

import codecs
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SCORER, SEED_GOLD, SEED_PAGE, require_shared

pytestmark = pytest.mark.integration  # the real `sinmun` command in a subprocess

ARTICLE_PAGE = (
    "시민참여 예산 설명회\n\n광주시가 처음으로 시민참여 예산 설명회를 열었다.\n\n/박하늘 기자 sky@bitgoeul.example.kr\n"
)


def run_parse(sinmun_bin: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(sinmun_bin), "parse", *args], capture_output=True, text=True, timeout=120)


BAD_INPUT = [
    ("empty", b"", "empty"),
    ("whitespace-only", b"  \n\n \t \r\n", "empty"),
    ("pdf-renamed", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nendobj\n", "binary"),
    ("png-renamed", b"\x89PNG\r\n\x1a\n" + bytes(range(64)), "binary"),
    ("nul-bytes", ARTICLE_PAGE.encode()[:40] + b"\x00\x00" + ARTICLE_PAGE.encode()[40:], "nul-bytes"),
    ("undecodable", "광주시청\n".encode() + b"\xb1\xa4\xc1\xd6 \xff\xfe\n", "decode-error@13"),
    ("no-article", b"---\n\n***\n\n12345\n", "no-articles"),
]


@pytest.mark.parametrize(("data", "reason"), [c[1:] for c in BAD_INPUT], ids=[c[0] for c in BAD_INPUT])
def test_bad_input_exits_with_one_line_reason(tmp_path: Path, sinmun_bin: Path, data: bytes, reason: str) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(data)
    result = run_parse(sinmun_bin, str(page))
    assert result.returncode != 0
    assert result.stdout == "", "no half result on stdout"
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert re.search(rf": {re.escape(reason)}\b", lines[0]), lines[0]
    assert "Traceback" not in result.stderr


def test_unreadable_file_is_reported(tmp_path: Path, sinmun_bin: Path) -> None:
    result = run_parse(sinmun_bin, str(tmp_path / "missing.txt"))
    assert result.returncode != 0
    assert "unreadable" in result.stderr and "Traceback" not in result.stderr


def test_contract_and_options_win(tmp_path: Path, sinmun_bin: Path) -> None:
    page = tmp_path / "3.txt"
    page.write_bytes(
        codecs.BOM_UTF8 + ("2024년 3월 5일 화요일 제8123호 빛고을신문 3면 종합\n\n" + ARTICLE_PAGE).encode()
    )
    from_header = json.loads(run_parse(sinmun_bin, str(page)).stdout)
    assert from_header["source"] == {
        "path": str(page),
        "sha256": from_header["source"]["sha256"],
        "encoding": "utf-8-sig",
        "publication": "bitgoeul",
        "publication_date": "2024-03-05",
        "page": 3,
        "section": "종합",
    }
    assert re.fullmatch(r"[0-9a-f]{64}", from_header["source"]["sha256"])
    [article] = from_header["articles"]
    assert set(article) == {
        "ordinal",
        "kind",
        "headline",
        "subheadlines",
        "label",
        "byline",
        "body",
        "cross_refs",
        "continues_from",
        "continues_on",
        "entities",
        "dates",
        "amounts",
        "quotes",
    }
    assert set(article["byline"]) == {"name", "names", "role", "email", "affiliation", "credit"}
    overridden = json.loads(
        run_parse(sinmun_bin, str(page), "--date", "2024-03-06", "--page", "4", "--publication", "namdo").stdout
    )
    assert (
        overridden["source"]["publication_date"],
        overridden["source"]["page"],
        overridden["source"]["publication"],
    ) == ("2024-03-06", 4, "namdo")


def test_several_pages_give_json_lines_and_refusals_on_stderr(tmp_path: Path, sinmun_bin: Path) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(ARTICLE_PAGE, encoding="utf-8")
    bad.write_bytes(b"")
    result = run_parse(sinmun_bin, str(good), str(bad), "--summary")
    assert result.returncode != 0
    [line] = result.stdout.splitlines()
    assert json.loads(line)["articles"][0]["headline"] == "시민참여 예산 설명회"
    assert "bad.txt: empty" in result.stderr
    assert "1 pages read, 1 refused" in result.stderr


def test_page_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path, sinmun_bin: Path) -> None:
    # Over the default 2 MB, and over a smaller --max-page-mb; the page beside them under both limits is read.
    huge, large, good = tmp_path / "huge.txt", tmp_path / "large.txt", tmp_path / "good.txt"
    huge.write_bytes(ARTICLE_PAGE.encode() * (2 * 1024 * 1024 // len(ARTICLE_PAGE.encode()) + 1))
    large.write_bytes(ARTICLE_PAGE.encode() * (300 * 1024 // len(ARTICLE_PAGE.encode())))
    good.write_text(ARTICLE_PAGE, encoding="utf-8")
    by_default = run_parse(sinmun_bin, str(huge), str(good))
    smaller_limit = run_parse(sinmun_bin, str(large), str(good), "--max-page-mb", "0.25")
    for result, refused in ((by_default, huge), (smaller_limit, large)):
        assert result.returncode != 0
        [line] = result.stderr.strip().splitlines()
        assert line.startswith(f"sinmun: {refused}: too-large"), line
        [page] = result.stdout.splitlines()
        assert json.loads(page)["source"]["path"] == str(good)
    assert run_parse(sinmun_bin, str(good), "--max-page-mb", "0").returncode == 2


def test_invalid_option_is_a_usage_error(tmp_path: Path, sinmun_bin: Path) -> None:
    result = run_parse(sinmun_bin, str(tmp_path / "x.txt"), "--date", "2024-13-45")
    assert result.returncode == 2 and "not a date" in result.stderr


REFERENCE_BARS = {
    "articles_found": (7, 7),
    "article_count_exact": (1, 1),
    "kind": (7, 7),
    "headline_exact": (6, 6),
    "byline": (6, 6),
    "column_breaks_repaired": (4, 4),
    "cross_refs": (6, 6),
}


def test_reference_page_scores_at_the_bar(sinmun_bin: Path) -> None:
    require_shared()
    result = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            "--pages",
            str(SEED_PAGE.parent),
            "--run",
            f"{sinmun_bin} parse {{path}} {{args}}",
            str(SEED_GOLD),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith(SEED_GOLD.name))
    figures = {k: (int(a), int(b)) for k, a, b in re.findall(r"(\w+)=(\d+)/(\d+)", line)}
    for metric, bar in REFERENCE_BARS.items():
        assert figures[metric] == bar, f"{metric}: {figures[metric]} (bar {bar})"
    assert figures["body_similarity_x100"][0] >= 99
    # Entities (the entities issue's bars).
    assert figures["person_recall"][0] >= 17 and figures["person_recall"][1] == 18
    got, of = figures["person_precision"]
    assert of > 0 and got / of >= 0.95
    assert figures["person_title"][0] >= 15 and figures["person_title"][1] == 17
    assert figures["org_loc_recall"][0] >= 40 and figures["org_loc_recall"][1] == 44
    assert figures["alias_coref"] == (2, 2)
    assert figures["dates_resolved"] == (6, 6)
