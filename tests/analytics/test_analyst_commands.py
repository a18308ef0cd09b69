"""What analysts see from `sinmun sql`, `sinmun analyses` and `--warehouse` on the published file, through the real
CLI on the sample warehouse: JSON lists, visible NULLs, dates as dates, cut cells, CSV for Excel, saved analyses by
name with declared parameters, and the output format from --out's extension."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from sinmun.analytics.analyses import analysis_names, load_analysis
from sinmun.analytics.sql_output import display_width
from tests.conftest import SampleWarehouse

pytestmark = pytest.mark.integration  # the real `sinmun` command on the sample warehouse

VALUES_QUERY = (
    "select [null, '할머니'] as names, null as nothing, date '2024-03-04' as day, "
    "{'이름': '강', 'n': 1} as record, repeat('가나다', 10) as long_text"
)


def sinmun(sinmun_bin: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(sinmun_bin), *args], capture_output=True, text=True, timeout=120, cwd=cwd)


@pytest.fixture(scope="module")
def published(samples_warehouse: SampleWarehouse) -> Path:
    return samples_warehouse.published


@pytest.fixture(scope="module")
def runs(published: Path, sinmun_bin: Path, tmp_path_factory) -> dict:
    """One run of each command, shared by the assertions below (--warehouse names the published file itself)."""
    out = tmp_path_factory.mktemp("analyst_out")
    wh = ("--warehouse", str(published))
    found = {
        "table": sinmun(sinmun_bin, "sql", VALUES_QUERY, "--max-width", "0", *wh),
        "cut": sinmun(sinmun_bin, "sql", VALUES_QUERY, "--max-width", "12", *wh),
        "csv": sinmun(sinmun_bin, "sql", VALUES_QUERY, "--format", "csv", *wh),
        "bom": sinmun(
            sinmun_bin, "sql", VALUES_QUERY, "--format", "csv", "--bom", "--out", str(out / "excel.csv"), *wh
        ),
        "bom_table": sinmun(sinmun_bin, "sql", VALUES_QUERY, "--bom", *wh),
        "parquet": sinmun(sinmun_bin, "sql", VALUES_QUERY, "--out", str(out / "x.parquet"), *wh),
        "json": sinmun(sinmun_bin, "sql", VALUES_QUERY, "--out", str(out / "x.json"), *wh),
        "top_people": sinmun(
            sinmun_bin, "sql", "--analysis", "top_entities", "--param", "top=3", "--format", "json", *wh
        ),
        "top_people_file": sinmun(
            sinmun_bin,
            "sql",
            "-f",
            "sql/analyses/top_entities.sql",
            "--param",
            "entity_type=PERSON",
            "--param",
            "grain=week",
            "--param",
            "top=3",
            "--format",
            "json",
            *wh,
            cwd=Path(__file__).resolve().parents[2],
        ),
        "weekly_table": sinmun(sinmun_bin, "sql", "--analysis", "top_entities", "--param", "top=1", *wh),
        "wrong_case": sinmun(sinmun_bin, "sql", "--analysis", "top_entities", "--param", "entity_type=person", *wh),
        "unknown_param": sinmun(sinmun_bin, "sql", "--analysis", "top_entities", "--param", "kind=news", *wh),
        "unused_param": sinmun(sinmun_bin, "sql", "select count(*) from fct_article", "--param", "top=3", *wh),
        "no_analysis": sinmun(sinmun_bin, "sql", "--analysis", "nothing_like_it", *wh),
        "analyses": sinmun(sinmun_bin, "analyses"),
        "search": sinmun(sinmun_bin, "search", "광주시", "--format", "json", *wh),
        "search_by_name": sinmun(
            sinmun_bin, "search", "광주시", "--publication", "빛고을신문", "--format", "json", *wh
        ),
        "search_by_code": sinmun(sinmun_bin, "search", "광주시", "--publication", "bitgoeul", "--format", "json", *wh),
        "search_unknown_paper": sinmun(sinmun_bin, "search", "광주시", "--publication", "없는신문", *wh),
        "report": sinmun(sinmun_bin, "report", "--out", str(out / "report.html"), *wh),
    }
    found["out"] = out
    return found


def ok(run: subprocess.CompletedProcess) -> str:
    assert run.returncode == 0, run.stderr
    return run.stdout


def one_line_error(run: subprocess.CompletedProcess) -> str:
    assert run.returncode == 2, (run.returncode, run.stdout, run.stderr)
    assert run.stdout == "" and len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert "Traceback" not in run.stderr
    return run.stderr.strip()


def test_table_shows_lists_as_json_null_as_null_and_dates_as_dates(runs):
    header, _rule, row, *_ = ok(runs["table"]).splitlines()
    cells = [cell.strip() for cell in row.split(" | ")]
    assert [c.strip() for c in header.split(" | ")] == ["names", "nothing", "day", "record", "long_text"]
    assert cells[:4] == ['[null, "할머니"]', "NULL", "2024-03-04", '{"이름": "강", "n": 1}']
    assert cells[4] == "가나다" * 10


def test_csv_writes_lists_as_json_and_null_as_an_empty_field(runs):
    lines = ok(runs["csv"]).splitlines()
    assert lines[1] == '"[null, ""할머니""]",,2024-03-04,"{""이름"": ""강"", ""n"": 1}",' + "가나다" * 10


def test_max_width_cuts_wide_cells_by_display_width(runs):
    _header, _rule, row, *_ = ok(runs["cut"]).splitlines()
    cells = [cell.strip() for cell in row.split(" | ")]
    assert cells[4].endswith("…") and cells[4].startswith("가나다")
    assert display_width(cells[4]) <= 12 and display_width(cells[3]) <= 12
    assert cells[1] == "NULL" and cells[2] == "2024-03-04"


def test_csv_with_bom_for_excel(runs):
    assert ok(runs["bom"]) == ""
    data = (runs["out"] / "excel.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfnames,nothing,day,record,long_text\r\n")
    assert "할머니" in data.decode("utf-8-sig")
    assert "--bom is for CSV" in one_line_error(runs["bom_table"])


def test_out_extension_picks_the_format(runs):
    ok(runs["parquet"])
    ok(runs["json"])
    parquet = (runs["out"] / "x.parquet").read_bytes()
    assert parquet[:4] == b"PAR1" and parquet[-4:] == b"PAR1"
    [record] = json.loads((runs["out"] / "x.json").read_text(encoding="utf-8"))
    assert record["names"] == [None, "할머니"] and record["day"] == "2024-03-04"


def test_saved_analysis_by_name_fills_its_declared_defaults(runs):
    by_name = json.loads(ok(runs["top_people"]))
    assert by_name == json.loads(ok(runs["top_people_file"])) and by_name
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["period_start"]) for row in by_name), "a date, not a timestamp"
    assert max(row["rank_in_period"] for row in by_name) <= 3
    first_row = ok(runs["weekly_table"]).splitlines()[2]
    assert re.match(r"\d{4}-\d{2}-\d{2} +\|", first_row), first_row


def test_wrong_case_unknown_and_unused_parameters_are_one_line_errors(runs):
    assert "not one of PERSON | ORG | LOCATION (did you mean PERSON?)" in one_line_error(runs["wrong_case"])
    assert "takes no parameter 'kind'; it takes entity_type, grain, top" in one_line_error(runs["unknown_param"])
    assert "the query has no $top" in one_line_error(runs["unused_param"])
    assert "no saved analysis 'nothing_like_it'; there are co_occurrence" in one_line_error(runs["no_analysis"])


def test_analyses_lists_every_saved_analysis_with_its_parameters_and_defaults(runs):
    listing = ok(runs["analyses"])
    assert "$entity_type  one of PERSON | ORG | LOCATION, default PERSON" in listing
    assert "$name  text, required" in listing
    for name in analysis_names():
        analysis = load_analysis(name)
        block = listing.split(f"\n{name}: " if not listing.startswith(f"{name}: ") else f"{name}: ", 1)[1]
        assert block.startswith(analysis.answers)
        for parameter in analysis.parameters:
            assert parameter.describe() in block.split("\n\n")[0]


def test_warehouse_option_takes_the_published_file_itself(runs, published: Path):
    assert json.loads(ok(runs["search"]))["hits"]
    assert "wrote" in ok(runs["report"]) and (runs["out"] / "report.html").exists()
    assert str(published) in (runs["out"] / "report.html").read_text(encoding="utf-8")


def test_search_publication_takes_the_code_or_the_name_and_refuses_unknown_ones(runs):
    by_name, by_code = json.loads(ok(runs["search_by_name"])), json.loads(ok(runs["search_by_code"]))
    assert by_name["hits"] and by_name == by_code
    assert {hit["publication"] for hit in by_name["hits"]} == {"bitgoeul"}
    assert "unknown publication '없는신문'; the warehouse has bitgoeul (빛고을신문)" in one_line_error(
        runs["search_unknown_paper"]
    )


def test_on_a_terminal_a_table_cuts_wide_cells_by_default(published: Path, sinmun_bin: Path):
    import os
    import pty

    main, terminal = pty.openpty()
    try:
        run = subprocess.run(
            [str(sinmun_bin), "sql", VALUES_QUERY, "--warehouse", str(published)],
            stdout=terminal, stderr=subprocess.PIPE, timeout=120,
        )  # fmt: skip
        os.close(terminal)
        output = b""
        while chunk := _read_or_empty(main):
            output += chunk
    finally:
        os.close(main)
    assert run.returncode == 0, run.stderr
    row = output.decode("utf-8").splitlines()[2]
    long_text = row.split(" | ")[4].strip()
    assert long_text.endswith("…") and display_width(long_text) <= 40 < display_width("가나다" * 10)


def _read_or_empty(fd: int) -> bytes:
    import os

    try:
        return os.read(fd, 65536)
    except OSError:  # the terminal's other end is closed: all read
        return b""
