"""scripts/layout_forms.py counts each layout form right: two gold pages of our own and a stand-in parse command
whose readings are known, so every found/total the script prints is known in advance (what is measured here is
the measuring tool, not the reader)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / "scripts" / "layout_forms.py"

HEADLINE_EXCLAIMED = "시장 상인들 새 간판 달았다!"
BODY_EXCLAIMED = "읍내 시장 상인들이 새 간판을 달고 손님을 맞았다. 상인회는 다음 달에 잔치를 연다고 밝혔다."
PHOTO_TITLE = "봄꽃 축제 개막"
PHOTO_CAPTION = "주말 공원에서 봄꽃 축제가 열려 시민들이 꽃길을 걷고 있다."
HEADLINE_UNSIGNED = "도서관 야간 개관"
BODY_UNSIGNED = "군립 도서관이 이달부터 밤 10시까지 문을 연다. 직장인들의 이용이 늘 것으로 보인다."
HEADLINE_SECOND_PAGE = "마을버스 노선 늘린다"
BODY_SECOND_PAGE = "군은 다음 달부터 마을버스 두 노선을 새로 운행한다고 밝혔다."


def _article(ordinal, kind, headline, body, byline=None, page_byline=None, placement=None, cuts=()):
    return {
        "ordinal": ordinal, "kind": kind, "headline": headline, "subheadlines": [], "byline": byline, "body": body,
        "cross_refs": [], "column_break_repairs": [c["repair"] for c in cuts], "column_break_detail": list(cuts),
        "page_byline": page_byline, "byline_placement": placement,
    }  # fmt: skip


GOLD_MASTHEAD = {
    "source": "p1.txt",
    "manifest": {"publication": "kwangju", "date": "2024-03-05", "page": 7},
    "layout": {"header": "masthead", "page_header_date": "2024-03-05", "page": 7, "section": "사회"},
    "articles": [
        _article(1, "news", HEADLINE_EXCLAIMED, BODY_EXCLAIMED, {"name": "김하늘", "role": "기자", "email": "sky@x.kr"},
                 "◇김하늘 기자 sky@x.kr", "own",
                 [{"type": "mid-word", "repair": "간판을", "page_text": "새 간 / 판을"},
                  {"type": "between-word", "repair": "상인회는 다음", "page_text": "상인회는 / 다음"}]),
        _article(2, "photo", PHOTO_TITLE, PHOTO_CAPTION, {"name": "박민수", "role": "기자", "email": None},
                 "/박민수 기자", "inline"),
        _article(3, "news", HEADLINE_UNSIGNED, BODY_UNSIGNED),
        _article(4, "ad", None, "봄맞이 대잔치\n문의 061-000-0000"),
    ],
}  # fmt: skip
GOLD_ISSUE = {
    "source": "p2.txt",
    "manifest": {"publication": "kwangju", "date": None, "page": None},
    "expect_inferred": {"publication_date": "2024-03-06", "page": 3},
    "layout": {"header": "issue", "page_header_date": "2024-03-06", "page": 3, "section": "지역"},
    "articles": [
        _article(1, "news", HEADLINE_SECOND_PAGE, BODY_SECOND_PAGE, {"name": "이서연", "role": "기자", "email": None},
                 "이서연 기자", "own"),
    ],
}  # fmt: skip

# What the stand-in parser reads. Page 1: the headline ending in "!" and both bylines right, the mid-word cut joined
# and the between-word cut joined without its space, the photo's title cut short, the unsigned article missing,
# the ad there; its header gives the page but not the date. Page 2: everything right, the date from the header.
READINGS = {
    "p1.txt": {
        "header": {"publication_date": None, "page": 7},
        "articles": [
            {"kind": "news", "headline": "시장 상인들 새 간판  달았다!", "byline": {"name": "김하늘", "email": "sky@x.kr"},
             "body": BODY_EXCLAIMED.replace("상인회는 다음", "상인회는다음")},
            {"kind": "photo", "headline": "봄꽃 축제", "byline": {"name": "박민수", "email": None},
             "body": "개막 " + PHOTO_CAPTION},
            {"kind": "ad", "headline": None, "byline": None, "body": "봄맞이 대잔치"},
        ],
    },
    "p2.txt": {
        "header": {"publication_date": "2024-03-06", "page": 3},
        "articles": [{"kind": "news", "headline": HEADLINE_SECOND_PAGE, "byline": {"name": "이서연", "email": None},
                      "body": BODY_SECOND_PAGE}],
    },
}  # fmt: skip

STAND_IN_PARSE = textwrap.dedent(
    """
    import json, pathlib, sys
    page, args = pathlib.Path(sys.argv[1]), sys.argv[2:]
    with open(page.parent / "runs.log", "a") as log:
        log.write(page.name + " " + " ".join(args) + "\\n")
    reading = json.loads((page.parent / "readings.json").read_text())[page.name]
    source = dict(reading["header"])
    if "--date" in args:
        source["publication_date"] = args[args.index("--date") + 1]
    if "--page" in args:
        source["page"] = int(args[args.index("--page") + 1])
    print(json.dumps({"source": source, "articles": reading["articles"]}))
    """
)

EXPECTED = {
    "as scored: date inferred, header issue": (1, 1),
    "as scored: page inferred, header issue": (1, 1),
    "header probe: date inferred, header masthead": (0, 1),
    "header probe: page inferred, header masthead": (1, 1),
    "header probe: date inferred, header issue": (1, 1),
    "header probe: page inferred, header issue": (1, 1),
    "caption titles (photo pieces)": (0, 1),
    "headlines ending in ? ! .": (1, 1),
    "bylines printed ◇": (1, 1),
    "bylines printed /": (1, 1),
    "bylines printed plain": (1, 1),
    "bylines placed: own": (2, 2),
    "bylines placed: end of caption": (1, 1),
    "articles without a byline found": (0, 1),
    "articles after one without a byline found": (1, 1),
    "ads found": (1, 1),
    "column breaks joined right: mid-word": (1, 1),
    "column breaks joined right: mid-word, lead paragraph": (1, 1),
    "column breaks joined right: between-word": (0, 1),
    "column breaks joined right: between-word, lead paragraph": (0, 1),
}
FIGURE_LINE = re.compile(r"^(?P<form>.*?)\s+(?P<found>\d+)/(?P<total>\d+)\s+(?P<percent>[\d.]+)%$")


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    pages = tmp_path_factory.mktemp("forms")
    for gold in (GOLD_MASTHEAD, GOLD_ISSUE):
        (pages / gold["source"]).write_text("(the stand-in parser does not read the page)\n", encoding="utf-8")
        (pages / gold["source"].replace(".txt", ".gold.json")).write_text(json.dumps(gold, ensure_ascii=False))
    (pages / "readings.json").write_text(json.dumps(READINGS, ensure_ascii=False), encoding="utf-8")
    (pages / "parse.py").write_text(STAND_IN_PARSE, encoding="utf-8")
    command = f"{sys.executable} {pages / 'parse.py'} {{path}} {{args}}"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(pages), command, "--failures"], capture_output=True, text=True, check=True
    )
    figures = {}
    for line in done.stdout.splitlines():
        m = FIGURE_LINE.match(line)
        if m:
            figures[m["form"]] = (int(m["found"]), int(m["total"]), float(m["percent"]))
    return done.stdout, figures, (pages / "runs.log").read_text().splitlines()


def test_every_form_is_counted_as_known(measured):
    _, figures, _ = measured
    assert {form: (found, total) for form, (found, total, _) in figures.items()} == EXPECTED


def test_percentages_follow_the_counts(measured):
    _, figures, _ = measured
    assert figures["bylines placed: own"][2] == 100.0
    assert figures["caption titles (photo pieces)"][2] == 0.0


def test_misses_are_listed_under_their_form(measured):
    out, _, _ = measured
    assert "must read '상인회는 다음'" in out
    assert f"gold '{PHOTO_TITLE}' read '봄꽃 축제'" in out
    assert f"'{HEADLINE_UNSIGNED}' not found" in out
    assert "p1.txt expected 2024-03-05 read None" in out
    assert out.rstrip().endswith("over 2 pages")


def test_a_page_with_its_date_given_is_read_again_from_its_header(measured):
    _, _, runs = measured
    assert sorted(runs) == [
        "p1.txt --date 2024-03-05 --page 7 --publication kwangju",
        "p1.txt --publication kwangju",
        "p2.txt --publication kwangju",
    ]


# --- through the real reader: a masthead page of our own, read once as the manifest says and once from its header --
MASTHEAD_PAGE = "\n\n".join(
    [
        "광주일보                    2024년 3월 5일 화요일                    7",
        "사회",
        "시장 상인들 새 간판 달았다",
        BODY_EXCLAIMED,
        "◇김하늘 기자 sky@x.kr",
    ]
) + "\n"  # fmt: skip
GOLD_REAL = {
    "source": "real.txt",
    "manifest": {"publication": "kwangju", "date": "2024-03-05", "page": 7},
    "layout": {"header": "masthead", "page_header_date": "2024-03-05", "page": 7, "section": "사회"},
    "articles": [
        _article(1, "news", "시장 상인들 새 간판 달았다", BODY_EXCLAIMED,
                 {"name": "김하늘", "role": "기자", "email": "sky@x.kr"}, "◇김하늘 기자 sky@x.kr", "own"),
    ],
}  # fmt: skip


@pytest.mark.integration  # starts the sinmun command
def test_the_real_parse_command_is_measured(tmp_path, sinmun_bin):
    (tmp_path / "real.txt").write_text(MASTHEAD_PAGE, encoding="utf-8")
    (tmp_path / "real.gold.json").write_text(json.dumps(GOLD_REAL, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path), f"{sinmun_bin} parse {{path}} {{args}}"],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    figures = {
        m["form"]: (int(m["found"]), int(m["total"])) for m in map(FIGURE_LINE.match, done.stdout.splitlines()) if m
    }
    assert figures == {
        "header probe: date inferred, header masthead": (1, 1),
        "header probe: page inferred, header masthead": (1, 1),
        "bylines printed ◇": (1, 1),
        "bylines placed: own": (1, 1),
    }, done.stdout
