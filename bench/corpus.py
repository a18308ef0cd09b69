"""A deterministic synthetic corpus of printed newspaper pages, for benchmarking the whole pipeline.

    .venv/bin/python bench/corpus.py OUT_DIR --pages N [--seed 1] [--legacy-share 0.02] [--wrapped-share 0.1]
                                     [--start 2024-01-02] [--check K]

writes ``OUT_DIR/<publication>/<YYYY-MM-DD>/<page>.txt`` (the inbox layout ``sinmun ingest`` reads) and prints a
one-line summary. ``--check K`` then reads the first K pages with the project's reader (Kiwi) and prints how well
its reading agrees with what was placed on each page.

The pages are those of the project's three fictional dailies (``samples/``: 빛고을신문, 남도매일신문, 서해일보),
one issue a publication day from ``--start`` (2024-01-02), 16 to 24 pages an issue, each page printed as the
text of a PDF page reads once extracted: header and footer furniture, 3 to 7 pieces (news with sub-headlines,
bylines, datelines, joint and wire bylines; photo captions with credits; editorials and signed columns on the
opinion pages; notices; advertisements; cross-references and continuations between the pages of an issue),
body text cut by column breaks. Everything is fictional: sentences come from templates written for this file,
filled from banks of invented people (surnames from ``sinmun/data/surnames.txt``, generated given names), titles
(``titles.txt``), organizations (``organizations.csv`` and generated ones) and real place names
(``admin_divisions.csv``, ``named_places.csv``).

Layout of body text. Each page has a column width (17-22 Hangul characters; digits, Latin letters and spaces
count half). Most pages ("columns") print each paragraph whole on a line, except where a column of the
article's block ends inside it: there the paragraph is cut, mid-word (``발전 방향`` / ``을 제시하고``) or between
two words, as the reference page and the samples show. A share of pages ("lines", ``WRAPPED_SHARE``) prints
every line of every column, as a raw ``pdftotext`` does (``--wrapped-share``; drawn from a stream of its own,
so the share changes how pages are printed, never what they say). Headlines, captions and ads are never cut.

Deterministic: page k of the corpus is generated from ``random.Random`` seeded by (seed, publication, date,
page) alone, and the pages are enumerated in a fixed order (day by day, page number by page number, the three
papers in turn), so a corpus of N pages is a prefix of any larger one and a re-run writes the same bytes.
A share of files (``--legacy-share``, drawn from its own per-page stream) is written as CP949 and/or CRLF.

Importable: ``generate_corpus(out_dir, pages, seed)`` and the pure ``page_text(publication, day, page_number,
rng)``, which returns the page's text and its ``PagePlan`` (what was placed), and ``agreement(plan, parsed)``,
which compares a plan with the reader's output.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
import tomllib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "sinmun" / "data"
# The generator's word banks and story templates (data, not code).
CORPUS_DATA = Path(__file__).resolve().parent / "corpus_data"
with (CORPUS_DATA / "vocabulary.toml").open("rb") as _f:
    VOCABULARY: dict[str, str] = tomllib.load(_f)

START = date(2024, 1, 2)
# Share of pages printed line by line (every line of every column), as a raw pdftotext extraction does.
WRAPPED_SHARE = 0.1
WEEKDAYS = "월화수목금토일"
# Weekday public holidays of 2024-2025: no paper those days.
HOLIDAYS = frozenset(date.fromisoformat(d) for d in (VOCABULARY["HOLIDAYS"]).split())


# --- papers ----------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Paper:
    code: str
    name: str
    domain: str
    phone: str
    first_issue: int  # the issue number printed on FIRST_DAY (as in samples/pieces.py)
    heads: tuple[tuple[str | None, float], ...]  # header styles and their weights
    home: tuple[str, ...]  # admin codes of the paper's home area, most covered
    column_labels: tuple[str, ...]


FIRST_DAY = date(2024, 3, 4)
_PAPER_EXTRAS = {
    # phone and first issue as the samples print them (samples/pieces.py); name and domain from publications.csv
    "bitgoeul": ("062-123-4567", 8122, (("line", 0.75), ("split", 0.15), (None, 0.1)), ("KR-29",), ("빛고을춘추", "아침시평", "기고")),
    "namdo": (
        "061-755-2200",
        5310,
        (("split", 0.8), ("line", 0.1), (None, 0.1)),
        ("KR-46", "KR-46-순천시", "KR-46-여수시", "KR-46-광양시", "KR-46-고흥군", "KR-46-보성군", "KR-46-나주시"),
        ("남도시론", "세상읽기", "기고"),
    ),
    "seohae": (
        "061-242-0700",
        3401,
        (("dot", 0.7), ("line", 0.2), (None, 0.1)),
        ("KR-46-목포시", "KR-46-신안군", "KR-46-무안군", "KR-46-영광군", "KR-46-진도군", "KR-46-해남군", "KR-46-완도군"),
        ("서해칼럼", "목요단상", "기고"),
    ),
}  # fmt: skip


@cache
def papers() -> dict[str, Paper]:
    rows = {r["code"]: r for r in _csv("publications.csv")}
    out = {}
    for code, (phone, first, heads, home, labels) in _PAPER_EXTRAS.items():
        out[code] = Paper(code, rows[code]["name"], rows[code]["domain"], phone, first, heads, home, labels)
    return out


# --- data banks --------------------------------------------------------------------------------------------------------
def _csv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


@dataclass(frozen=True)
class Place:
    code: str
    short: str  # 목포, 북구, 광주
    loc: str  # as a place in text: 목포, 광주 북구, 전남
    gov: str  # the local government acting: 목포시, 광주 북구, 광주시, 전남도
    unit: str  # 시 군 구 도: "시는", "군은" in later sentences
    head_title: str  # 목포시장, 신안군수, 광주 북구청장, 광주시장, 전남지사
    council: str
    region: str  # 광주 or 전남


@dataclass(frozen=True)
class Banks:
    surnames: tuple[str, ...]
    surname_weights: tuple[float, ...]
    titles: frozenset[str]
    places: dict[str, Place]
    venues: dict[str, tuple[str, ...]]  # admin code -> named places inside it
    industrial: tuple[str, ...]
    orgs_csv: tuple[str, ...]


@cache
def banks() -> Banks:
    surnames = tuple(
        line.strip()
        for line in (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    # The file lists compound surnames first, then single ones by frequency: the census shares of the first ten
    # (김 21.5%, 이 14.7%, 박 8.4%...), then a decaying tail; compound surnames are rare.
    top = (21.5, 14.7, 8.4, 4.7, 4.3, 2.3, 2.1, 2.0, 2.0, 1.5)
    singles = [s for s in surnames if len(s) == 1]
    share = {s: top[i] if i < len(top) else 1.4 * 0.95 ** (i - len(top)) for i, s in enumerate(singles)}
    weights = tuple(share.get(s, 0.02) for s in surnames)
    titles = frozenset(
        line.strip()
        for line in (DATA / "titles.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    places: dict[str, Place] = {
        "KR-29": Place("KR-29", "광주", "광주", "광주시", "시", "광주시장", "광주시의회", "광주"),
        "KR-46": Place("KR-46", "전남", "전남", "전남도", "도", "전남지사", "전남도의회", "전남"),
    }
    for row in _csv("admin_divisions.csv"):
        code, name, parent = row["code"], row["name"], row["parent_code"]
        if parent == "KR-29":
            places[code] = Place(
                code, name, f"광주 {name}", f"광주 {name}", "구", f"광주 {name}청장", f"{name}의회", "광주"
            )
        elif parent == "KR-46":
            short, unit = name[:-1], name[-1]
            head = f"{name}장" if unit == "시" else f"{name}수"
            places[code] = Place(code, short, short, name, unit, head, f"{name}의회", "전남")
    venues: dict[str, list[str]] = {}
    industrial = []
    for row in _csv("named_places.csv"):
        parent = row["parent_code"]
        if not parent.startswith(("KR-29", "KR-46")):
            continue
        if row["kind"] == "industrial_complex":
            industrial.append(row["name"])
        elif row["kind"] in ("park", "venue", "landmark", "market", "port", "stadium", "district", "street"):
            venues.setdefault(parent, []).append(row["name"])
    orgs = tuple(r["name"] for r in _csv("organizations.csv"))
    return Banks(
        surnames,
        weights,
        titles,
        places,
        {k: tuple(v) for k, v in venues.items()},
        tuple(industrial),
        orgs,
    )


# Given names: two syllables; each syllable with its romanization (for reporters' e-mail addresses).
_SYLLABLES = dict(pair.split(":") for pair in (VOCABULARY["SYLLABLES"]).split())
_FIRST = _words(VOCABULARY["FIRST"])
_SECOND = _words(VOCABULARY["SECOND"])
# Given names that are everyday words of the templates (지원 "support", 주민 "residents"...) are left out.
_NOT_NAMES = frozenset(_words(VOCABULARY["NOT_NAMES"]))
_SURNAME_ROMAN = dict(pair.split(":") for pair in (VOCABULARY["SURNAME_ROMAN"]).split())


# --- vocabulary -----------------------------------------------------------------------------------------------------
def _phrases(text: str) -> tuple[str, ...]:
    """Phrases separated by commas (a phrase may hold spaces)."""
    return tuple(p.strip() for p in text.split(",") if p.strip())


TARGETS = _phrases(VOCABULARY["TARGETS"])
BENEFITS = _lines(VOCABULARY["BENEFITS"])
FIELDS = _lines(VOCABULARY["FIELDS"])
PROJECT_KINDS = _words("사업 지원사업 조성사업 육성사업 구축사업 시범사업 프로젝트 활성화사업")
# Facilities, and whom each is for.
FACILITIES = tuple(tuple(pair.split(":")) for pair in (VOCABULARY["FACILITIES"]).split())
_FACILITY_TEXT = {
    "어린이복합문화공간": "어린이 복합문화공간",
    "작은도서관": "작은 도서관",
    "청소년수련관": "청소년 수련관",
}
ROOMS = _words(
    "강당 다목적실 북카페 체력단련실 어린이놀이방 세미나실 공유주방 옥상정원 상담실 전시실 동아리방 건강관리실"
)
_ROOM_TEXT = {"어린이놀이방": "어린이 놀이방", "공유주방": "공유 주방", "옥상정원": "옥상 정원"}
FIELD_ITEMS = _lines(VOCABULARY["FIELD_ITEMS"])
MINISTRIES = _words(VOCABULARY["MINISTRIES"])
ORG_FIELDS = _words(VOCABULARY["ORG_FIELDS"])
ORG_ENDINGS = _words("재단 협회 공사 센터 진흥원 연구원 협의회 지원센터 연합회 조합 진흥재단 육성재단")
ORG_HEADS = {"재단": "이사장", "협회": "회장", "공사": "사장", "센터": "센터장", "진흥원": "원장", "연구원": "원장",
             "협의회": "회장", "지원센터": "센터장", "연합회": "회장", "조합": "이사장", "진흥재단": "대표이사",
             "육성재단": "이사장"}  # fmt: skip
BRAND_ROOTS = _words(VOCABULARY["BRAND_ROOTS"])
# Industries: what their plants make, and how their companies' names end.
INDUSTRY_TABLE = _lines(VOCABULARY["INDUSTRY_TABLE"])
INDUSTRIES = {
    name: (_phrases(products), _words(endings))
    for line in INDUSTRY_TABLE
    for name, rest in [line.split(": ", 1)]
    for products, endings in [rest.split(" | ")]
}
COUNTRIES = _words("미국 중국 일본 베트남 인도네시아 독일 호주 태국 멕시코 인도 대만 캐나다 필리핀 폴란드")
CROPS = _words(VOCABULARY["CROPS"])
FISH = _words("낙지 전어 꼬막 김 전복 멸치 조기 갈치 주꾸미 민어 병어 굴 미역 새우 매생이 숭어")
SPORTS = _words(VOCABULARY["SPORTS"])
DIVISIONS = _lines(VOCABULARY["DIVISIONS"])
RIVAL_TEAMS = _words(VOCABULARY["RIVAL_TEAMS"])
FESTIVAL_THINGS = _words(VOCABULARY["FESTIVAL_THINGS"])
GENRES = _words("뮤지컬 연극 국악 클래식 무용 재즈 오페라 창극 마당극 인형극")
ARTIST_ROLES = _words("작가 화가 사진작가 도예가 조각가 판화가 서예가")
EXHIBITION_WORDS = _lines(VOCABULARY["EXHIBITION_WORDS"])
SLOGANS = _lines(VOCABULARY["SLOGANS"])
UNIVS = _words(VOCABULARY["UNIVS"])
DEPTS = _words(VOCABULARY["DEPTS"])
DEPARTMENTS = _words(VOCABULARY["DEPARTMENTS"])
# The departments whose officials speak for each topic (any of DEPARTMENTS for the others).
TOPIC_DEPARTMENTS = {
    "culture": _words("문화예술 문화관광 관광 문화정책"),
    "tourism": _words("관광 교통 관광진흥 대중교통"),
    "welfare": _words("복지 노인복지 보건 여성가족 복지정책"),
    "environment": _words("환경 기후환경 환경정책 자원순환"),
    "agri": _words("농업 농업정책 해양수산 수산 친환경농업"),
    "economy": _words("경제 투자유치 일자리경제 산업 기업지원"),
    "education": _words("교육협력 평생교육 인재육성"),
}
SUBAREAS = _words(VOCABULARY["SUBAREAS"])
SUBAREA_UNITS = _words("면 면 읍 동 동")
SCHOOL_WORDS = _words("영해 해림 새별 한빛 무등 빛가람 다솜 푸른솔 금당 유달 송림 청솔 대성 백련 동명 서림 솔뫼 늘푸른")
SCHOOL_KINDS = (("초등학교", "초"), ("중학교", "중"), ("고등학교", "고"))
EDU_PROGRAMS = _lines(VOCABULARY["EDU_PROGRAMS"])
UNIV_PROGRAMS = _lines(VOCABULARY["UNIV_PROGRAMS"])
CONTESTS = _lines(VOCABULARY["CONTESTS"])
ISSUES = _lines(VOCABULARY["ISSUES"])
INDICATORS = _words("인구 출생아 청년인구 학생 농가 어가 사업체")
INDICATOR_TEXT = {"인구": "인구", "출생아": "출생아 수", "청년인구": "청년 인구", "학생": "학생 수", "농가": "농가 수",
                  "어가": "어가 수", "사업체": "사업체 수"}  # fmt: skip
ANECDOTES = _lines(VOCABULARY["ANECDOTES"])
AGENCIES = _words("연합뉴스 뉴시스 뉴스1")
FUNERAL_HALLS = _words(
    "한사랑장례식장 중앙장례식장 새생명장례식장 종합장례식장 기독병원장례식장 천지장례식장 평화장례식장"
)
BANKS_AD = _words("신협 새마을금고 농협 수협 지역농협 산림조합")
# Places on the sea (the others are inland: no 앞바다, no fishing port), and the stories that need one.
COASTAL = frozenset(_words("전남 목포 여수 순천 광양 고흥 보성 장흥 강진 해남 영암 무안 함평 영광 완도 진도 신안"))
COASTAL_STORIES = frozenset(("catch", "boat", "tidal"))
_HEAD_SHORT = {"시": "시장", "군": "군수", "구": "구청장", "도": "지사"}
SEASON = {1: "겨울", 2: "겨울", 3: "봄", 4: "봄", 5: "봄", 6: "여름", 7: "여름", 8: "여름", 9: "가을", 10: "가을",
          11: "가을", 12: "겨울"}  # fmt: skip


# --- Korean particles ------------------------------------------------------------------------------------------------
_JOSA = {"은": ("은", "는"), "이": ("이", "가"), "을": ("을", "를"), "과": ("과", "와"), "으로": ("으로", "로"),
         "이다": ("이다", "다"), "이라는": ("이라는", "라는"), "이며": ("이며", "며"), "이나": ("이나", "나"),
         "이라고": ("이라고", "라고"), "아": ("아", "야")}  # fmt: skip
# Final consonant index (0 = none, 8 = ㄹ) of how a digit, Latin letter or unit sign is read aloud.
_DIGIT_FINAL = {"0": 21, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0}
_TENS_FINAL = {1: 17, 2: 1, 3: 4, 4: 4}  # 십 백 천 만
_SIGN_FINAL = {"%": 0, "㎡": 0, "㎍": 0, "㏊": 0, "t": 4, "㎞": 0, "L": 8, "M": 16, "N": 4, "R": 8}


def _final(word: str) -> int:
    w = word.rstrip()
    while w and w[-1] in "'\"’”」』〉":
        w = w[:-1]
    if w.endswith(")") and "(" in w:
        w = w[: w.rindex("(")].rstrip()
    if not w:
        return 0
    ch = w[-1]
    if "가" <= ch <= "힣":
        return (ord(ch) - 0xAC00) % 28
    if ch.isdigit():
        digits = re.search(r"\d+$", w)[0]
        zeros = len(digits) - len(digits.rstrip("0"))
        if zeros and digits.strip("0"):
            return _TENS_FINAL[min(zeros, 4)]
        return _DIGIT_FINAL[ch]
    return _SIGN_FINAL.get(ch, _SIGN_FINAL.get(ch.upper(), 0) if ch.isascii() else 0)


def josa(word: str, particle: str) -> str:
    """The form of ``particle`` (given by its form after a consonant) that follows ``word``."""
    after_consonant, after_vowel = _JOSA[particle]
    final = _final(word)
    if particle == "으로":
        return after_consonant if final not in (0, 8) else after_vowel
    return after_consonant if final else after_vowel


_SLOT = re.compile(r"\{(\w+)(?::(\w+))?\}")


def fill(template: str, ctx: dict[str, str]) -> str:
    """``{slot}`` -> its value; ``{slot:을}`` -> its value and the particle that fits it."""

    def sub(m: re.Match) -> str:
        value = ctx[m[1]]
        return value + josa(value, m[2]) if m[2] else value

    return _SLOT.sub(sub, template)


# --- the world: people, staff, office holders -------------------------------------------------------------------------
@dataclass(frozen=True)
class Staffer:
    name: str
    email: str
    desk: str  # politics economy society culture sports region photo
    station: str | None = None  # admin code of a regional reporter's beat (a dateline)


def surname(rng: random.Random) -> str:
    b = banks()
    return rng.choices(b.surnames, b.surname_weights)[0]


def given_name(rng: random.Random) -> str:
    while True:
        name = rng.choice(_FIRST) + rng.choice(_SECOND)
        if name not in _NOT_NAMES and name[0] != name[1]:
            return name


def person(rng: random.Random) -> str:
    return surname(rng) + given_name(rng)


@cache
def staff(publication: str, seed: int) -> tuple[Staffer, ...]:
    """The paper's reporters, the same on every page of the corpus."""
    rng = random.Random(f"{seed}/{publication}/staff")
    paper = papers()[publication]
    desks = {"politics": 5, "economy": 6, "society": 7, "culture": 5, "sports": 4, "region": 9, "photo": 4}
    stations = [c for c in paper.home if c not in ("KR-29", "KR-46")] or [
        "KR-29-북구",
        "KR-29-광산구",
        "KR-29-서구",
        "KR-29-남구",
        "KR-29-동구",
    ]
    extra = [c for c in banks().places if c.startswith("KR-46-") and c not in stations]
    out: list[Staffer] = []
    used_names: set[str] = set()
    used_mail: set[str] = set()
    romans = [s for s in banks().surnames if s in _SURNAME_ROMAN]
    for desk, n in desks.items():
        for i in range(n):
            while True:
                sur = rng.choice(romans[:40])
                given = given_name(rng)
                if sur + given not in used_names:
                    break
            used_names.add(sur + given)
            g = _SYLLABLES[given[0]] + _SYLLABLES[given[1]]
            forms = [
                g,
                _SYLLABLES[given[0]][0] + _SYLLABLES[given[1]][0] + _SURNAME_ROMAN[sur],
                g + _SURNAME_ROMAN[sur],
            ]
            mail = next((f for f in forms if f not in used_mail), f"{g}{len(used_mail)}")
            used_mail.add(mail)
            station = None
            if desk == "region":
                station = stations[i % len(stations)] if i < 2 * len(stations) else rng.choice(extra)
            out.append(Staffer(sur + given, f"{mail}@{paper.domain}", desk, station))
    return tuple(out)


@cache
def office_holder(code: str, office: str, seed: int) -> str:
    """The (invented) holder of an office, the same all year: 목포시장, 광주시교육감..."""
    return person(random.Random(f"{seed}/office/{code}/{office}"))


# --- dates and numbers -------------------------------------------------------------------------------------------------
def _month_len(y: int, m: int) -> int:
    return ((date(y + m // 12, m % 12 + 1, 1)) - date(y, m, 1)).days


def _num(n: int) -> str:
    """2000, 1만2000, 3만: numbers as Korean news writes them."""
    if n >= 10000 and n % 10000:
        return f"{n // 10000}만{n % 10000}"
    if n >= 10000:
        return f"{n // 10000}만"
    return str(n)


def _eok(n: int) -> str:
    if n >= 10000:
        return f"{n // 10000}조{(' ' + str(n % 10000)) if n % 10000 else ''}억원"
    return f"{n}억원"


def _round(rng: random.Random, lo: int, hi: int) -> int:
    n = rng.randint(lo, hi)
    if n >= 1000:
        return n - n % 100
    if n >= 100:
        return n - n % 10
    return n


def _pct(rng: random.Random, lo: float = 2, hi: float = 40) -> str:
    x = rng.uniform(lo, hi)
    return f"{x:.1f}%" if rng.random() < 0.5 else f"{round(x)}%"


# --- templates ---------------------------------------------------------------------------------------------------------
# News is written from stories: each a coherent set of headline, sub-headline, lead, detail, quote and closing
# templates over the article's slots (see ``Writer.ctx``). ``{slot:을}`` appends the particle that fits the
# slot's value (을/를, 이/가, 은/는, 과/와, 으로/로, 이다/다). A topic's ``D:`` lines fit any of its stories.
@dataclass(frozen=True)
class Story:
    topic: str
    name: str
    desk: str
    speakers: tuple[str, ...] = ()
    headlines: tuple[str, ...] = ()
    subs: tuple[str, ...] = ()
    leads: tuple[str, ...] = ()
    details: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    closings: tuple[str, ...] = ()


_STORY_KEYS = {
    "W": "speakers",
    "H": "headlines",
    "S": "subs",
    "L": "leads",
    "D": "details",
    "Q": "quotes",
    "C": "closings",
}

STORY_TEXT = (CORPUS_DATA / "stories.txt").read_text(encoding="utf-8")


def _parse_stories(text: str) -> tuple[dict[str, list[Story]], dict[str, tuple[str, ...]], dict[str, str]]:
    stories: dict[str, list[Story]] = {}
    topic_details: dict[str, list[str]] = {}
    desks: dict[str, str] = {}
    cur: dict | None = None
    topic_of_cur = None

    def flush() -> None:
        if cur is not None:
            fields = {k: tuple(v) for k, v in cur.items() if k not in ("topic", "name", "desk")}
            stories.setdefault(cur["topic"], []).append(Story(cur["topic"], cur["name"], cur["desk"], **fields))

    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("@topic "):
            flush()
            cur = None
            _, topic_of_cur, desk = line.split()
            desks[topic_of_cur] = desk
            continue
        if line.startswith("@story "):
            flush()
            _, topic, name = line.split()
            topic_of_cur = None
            cur = {"topic": topic, "name": name, "desk": desks[topic]}
            continue
        key, _, value = line.partition(": ")
        if topic_of_cur is not None:
            assert key == "D", line
            topic_details.setdefault(topic_of_cur, []).append(value)
            continue
        assert cur is not None and key in _STORY_KEYS, line
        values = [v.strip() for v in value.split(" | ")] if key == "W" else [value]
        cur.setdefault(_STORY_KEYS[key], []).extend(values)
    flush()
    return stories, {k: tuple(v) for k, v in topic_details.items()}, desks


STORIES, TOPIC_DETAILS, _ = _parse_stories(STORY_TEXT)

# Sentences that fit any story of these topics.
GENERIC_DETAILS = _lines(VOCABULARY["GENERIC_DETAILS"])
GENERIC_TOPICS = frozenset(("policy", "economy", "council", "tourism"))

SECOND_QUOTE_FRAMES = _lines(  # the same speaker again
    VOCABULARY["SECOND_QUOTE_FRAMES"]
)
QUOTE_FRAMES = _lines(VOCABULARY["QUOTE_FRAMES"])
HEADLINE_QUOTES = _lines(VOCABULARY["HEADLINE_QUOTES"])

# Photos: short titles and captions; the credit is added at print time.
PHOTO_TITLES = {
    "봄": _lines("봄꽃 활짝\n새 학기 첫 등굣길\n봄맞이 대청소\n꽃길 따라 걷는 봄\n'봄 채비' 한창"),
    "여름": _lines("시원한 물놀이\n무더위 식히는 분수\n'한여름 밤의 축제'\n피서객 '북적'"),
    "가을": _lines("황금 들녘\n가을 '풍년가'\n단풍 절정\n'가을 축제' 개막"),
    "겨울": _lines("겨울 바다 찾은 철새\n따뜻한 나눔\n'김장 나눔' 한마당\n새해 첫 해맞이"),
    "any": _lines(VOCABULARY["PHOTO_TITLES"]),
}
PHOTO_CAPTIONS = _lines(VOCABULARY["PHOTO_CAPTIONS"])

# Opinion pages: editorials and signed columns, paragraph by paragraph: an opening, the analysis, what should
# be done, a closing line.
EDITORIAL_HEADLINES = _lines(VOCABULARY["EDITORIAL_HEADLINES"])
OPINION_OPEN = _lines(VOCABULARY["OPINION_OPEN"])
COLUMN_OPEN = _lines(VOCABULARY["COLUMN_OPEN"])
OPINION_BODY = _lines(VOCABULARY["OPINION_BODY"])
COLUMN_BODY = _lines(VOCABULARY["COLUMN_BODY"])
OPINION_PRESCRIBE = _lines(VOCABULARY["OPINION_PRESCRIBE"])
OPINION_CLOSE = _lines(VOCABULARY["OPINION_CLOSE"])
COLUMN_CLOSE = _lines(VOCABULARY["COLUMN_CLOSE"])
ACTORS = _words("정부 전남도 광주시 지자체 국회 교육당국 정치권")
COLUMNIST_JOBS = _lines(VOCABULARY["COLUMNIST_JOBS"])

# Notices.
NOTICE_EVENTS = _lines(VOCABULARY["NOTICE_EVENTS"])
PAPER_EVENTS = _lines(VOCABULARY["PAPER_EVENTS"])
RELATIONS = _words("모친상 부친상 빙부상 빙모상 시부상 시모상")

# Advertisements: each line printed as is; every ad carries a phone number or a web address.
ADS = (
    ("{bank} {season}맞이 특판 예금", "연 {rate}% ({months}개월)", "{m1}월 {d1}일~{m2}월 {d2}일 ^한도 소진시 조기 마감^", "상담 {phone_free}"),
    ("{brand}건설 {loc} {apt_name} 모델하우스 그랜드 오픈", "전용 {a1}㎡~{a2}㎡ {units}세대", "분양문의 {phone_local}", "www.{slug}.example.co.kr"),
    ("{short}{hospital_word}치과", "임플란트 · 치아교정 · 야간진료", "평일 오후 {h}시까지 진료", "{phone_local}"),
    ("{loc} 한우 직판장 {season} 대잔치", "최대 {sale}% 할인", "{m1}월 {d1}일~{m2}월 {d2}일", "{phone_local}"),
    ("{paper} 독자님께 드리는 {season} 구독 이벤트", "1년 구독시 3개월 무료", "{paper_phone}", "^이벤트 기간 {m2}월 {d2}일까지^"),
    ("**{event}**", "{m1}. {d1} ~ {m2}. {d2}", "주최 | {gov}", "www.{slug}.example.kr"),
    ("{brand} 가구 {season} 특별전", "전 품목 {sale}% 할인", "{phone_local} | {loc} 본점"),
    ("{short} 자동차 종합 정비", "엔진오일 교환 {price_small}원", "예약 {phone_local}"),
)  # fmt: skip
DEEDS = _lines(VOCABULARY["DEEDS"])
HOSPITAL_WORDS = _words("서울 연세 미소 하나 밝은 튼튼 바른 새봄 참사랑 365")
APT_NAMES = _words("센트럴 리버뷰 더퍼스트 파크뷰 하이엔드 에코시티 오션뷰 스카이")


# --- plans -------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PiecePlan:
    """One piece as placed on the page: what a perfect reader would report for it."""

    kind: str  # news photo column editorial notice continuation ad
    headline: str | None
    subheadlines: tuple[str, ...] = ()
    label: str | None = None
    byline_names: tuple[str, ...] = ()  # reporters (or the columnist) named by the byline
    email: str | None = None
    dateline: str | None = None
    body: str | None = None  # the paragraphs whole, "\n\n" between them (ads: their lines, "\n" between)
    first_sentence: str | None = None
    continues_on: int | None = None
    continues_from: int | None = None
    cross_refs: tuple[int, ...] = ()
    cuts: int = 0  # column cuts inside the body
    cuts_mid_word: int = 0
    cuts_after_sentence: int = 0  # cuts that fall right after a finished sentence (they read as paragraph ends)
    cut_windows: tuple[str, ...] = ()  # the words around each other cut, whole: what a repair must restore


@dataclass(frozen=True)
class PagePlan:
    publication: str
    date: str
    page: int
    section: str
    head: str | None  # line | split | dot | None
    foot: str | None  # web | web-one-line | dash | None
    layout: str  # columns | lines
    column_width: int
    pieces: tuple[PiecePlan, ...]

    @property
    def column_cuts(self) -> int:
        return sum(p.cuts for p in self.pieces)

    @property
    def states(self) -> frozenset[str]:
        """What the page's furniture states about it: publication, date, page."""
        s = set()
        if self.head:
            s |= {"publication", "date", "page"}
        if self.foot in ("web", "web-one-line"):
            s.add("publication")
        if self.foot == "dash":
            s.add("page")
        return frozenset(s)


# --- issues (one paper, one day) -------------------------------------------------------------------------------------
def publication_days(start: date = START) -> Iterator[date]:
    d = start
    while True:
        if d.weekday() < 5 and d not in HOLIDAYS:
            yield d
        d += timedelta(days=1)


def issue_number(publication: str, day: date) -> int:
    """Counted in publication days from the samples' first day (so the samples' pages and these agree)."""
    n = papers()[publication].first_issue
    lo, hi, sign = (day, FIRST_DAY, -1) if day < FIRST_DAY else (FIRST_DAY, day, 1)
    d = lo
    count = 0
    while d < hi:
        d += timedelta(days=1)
        count += d.weekday() < 5 and d not in HOLIDAYS
    if sign < 0:  # counted (day, FIRST_DAY]: FIRST_DAY itself is a publication day, day is too
        return n - count
    return n + count


_MIDDLE_SECTIONS = ("정치", "경제", "경제", "사회", "사회", "지역", "지역", "교육", "문화", "문화", "생활", "스포츠",
                    "스포츠", "농업", "환경", "지역", "사회", "경제", "문화")  # fmt: skip


@dataclass(frozen=True)
class Issue:
    publication: str
    day: date
    pages: int
    sections: tuple[str, ...]  # sections[i] is page i+1's
    lead_continues_on: int | None  # the front page's lead article goes on on this page
    lead_refs: tuple[int, ...]


@cache
def issue(publication: str, day: date, seed: int) -> Issue:
    rng = random.Random(f"{seed}/{publication}/{day.isoformat()}")
    n = rng.choice((16, 16, 18, 20, 20, 22, 24))
    tail = ["오피니언", "오피니언", "사람들"] if n >= 20 else ["오피니언", "사람들"]
    sections = ["종합", rng.choice(("종합", "정치")), "종합", *_MIDDLE_SECTIONS[: n - 3 - len(tail)], *tail]
    if publication == "namdo":
        sections = [("전남" if s == "지역" else s) for s in sections]
    cont = rng.choice((None, 3, 3, 4, 5)) if rng.random() < 0.6 else None
    refs = tuple(sorted(rng.sample(range(2, 8), rng.choice((1, 1, 2))))) if rng.random() < 0.5 else ()
    return Issue(publication, day, n, tuple(sections), cont, refs)


def corpus_order(pages: int, seed: int, start: date = START) -> Iterator[tuple[str, date, int]]:
    """The corpus's pages in their fixed order: day by day, page number by page number, the papers in turn."""
    if pages <= 0:
        return
    k = 0
    for day in publication_days(start):
        issues = [issue(code, day, seed) for code in papers()]
        for number in range(1, max(i.pages for i in issues) + 1):
            for iss in issues:
                if number <= iss.pages:
                    yield iss.publication, day, number
                    k += 1
                    if k >= pages:
                        return


# --- composing pieces ------------------------------------------------------------------------------------------------
# A piece is composed as printed blocks: ("line", text) is printed as is; ("para", text) is body text, which the
# page's layout cuts at column ends; ("lead", prefix, text) is a paragraph printed after a prefix (a wire opening,
# a continuation mark) that is not part of the body.


@dataclass
class Composed:
    kind: str
    blocks: list[tuple]
    headline: str | None = None
    subheadlines: tuple[str, ...] = ()
    label: str | None = None
    names: tuple[str, ...] = ()
    email: str | None = None
    dateline: str | None = None
    body: str | None = None
    continues_on: int | None = None
    continues_from: int | None = None
    cross_refs: tuple[int, ...] = ()
    column_height: int = 20


def _first_sentence(body: str | None) -> str | None:
    if not body:
        return None
    para = body.split("\n\n")[0]
    m = re.search(r"""[가-힣][.?!]["'”’」』)]*(?=\s|$)""", para)
    return para[: m.end()] if m else None


class Writer:
    """Writes the pieces of one page, from the page's own random stream."""

    def __init__(self, rng: random.Random, paper: Paper, day: date, seed: int):
        self.rng = rng
        self.paper = paper
        self.day = day
        self.seed = seed
        self.staff = staff(paper.code, seed)
        self.used_headlines: set[str] = set()

    # --- slots ---
    def place(self, coastal: bool = False) -> Place:
        rng, b = self.rng, banks()
        r = rng.random()
        if r < 0.45:
            code = rng.choice(self.paper.home)
        elif r < 0.6:
            code = rng.choice(("KR-29", "KR-46"))
        else:
            code = rng.choice(tuple(b.places))
        if coastal and b.places[code].short not in COASTAL:
            home = [c for c in self.paper.home if b.places[c].short in COASTAL]
            code = rng.choice(home or [c for c in b.places if b.places[c].short in COASTAL])
        return b.places[code]

    def venue(self, place: Place) -> str:
        b = banks()
        own = b.venues.get(place.code, ())
        if own and self.rng.random() < 0.6:
            return self.rng.choice(own)
        return self.rng.choice(
            (
                f"{place.short}문화예술회관",
                f"{place.short}시민회관" if place.unit in ("시", "구") else f"{place.short}군민회관",
                f"{place.short} 종합운동장",
                f"{place.gov}청 대회의실",
                f"{place.short} 국민체육센터",
                f"{place.short} 중앙공원",
                f"{place.short}읍 공설시장" if place.unit == "군" else f"{place.short} 전통시장",
            )
        )

    def org_generic(self, place: Place) -> tuple[str, str]:
        ending = self.rng.choice(ORG_ENDINGS)
        return f"{place.short}{self.rng.choice(ORG_FIELDS)}{ending}", ORG_HEADS[ending]

    def company(self, industry: str | None = None) -> str:
        endings = INDUSTRIES[industry or self.rng.choice(tuple(INDUSTRIES))][1]
        name = self.rng.choice(BRAND_ROOTS) + self.rng.choice(endings)
        return f"(주){name}" if self.rng.random() < 0.15 else name

    def subarea(self) -> str:
        return self.rng.choice(SUBAREAS) + self.rng.choice(SUBAREA_UNITS)

    def dates(self) -> dict[str, str]:
        rng, d = self.rng, self.day
        mlen = _month_len(d.year, d.month)
        yday = d - timedelta(days=1)
        if d.day > 2:
            pastn = rng.randint(max(1, d.day - 12), d.day - 2)
            past = f"지난 {pastn}일"
        else:
            pastn = rng.randint(20, 28)
            past = f"지난달 {pastn}일"
        if d.day + 2 <= mlen:
            future = f"오는 {rng.randint(d.day + 2, min(mlen, d.day + 20))}일"
        else:
            future = f"다음 달 {rng.randint(1, 28)}일"
        nm = d.month % 12 + 1
        return {
            "today": f"{d.day}일",
            "rday": f"{d.day}일" if rng.random() < 0.55 else f"{yday.day}일",
            "tomorrow": f"{(d + timedelta(days=1)).day}일",
            "past": past,
            "pastn": str(pastn),
            "future": future,
            "nextm": f"다음 달 {rng.randint(1, 28)}일",
            "month": f"{d.month}월",
            "month_next": f"{nm}월",
            "month_past": f"{(d.month - 3) % 12 + 1}월",
            "year": str(d.year),
            "nextyear": "내년",
        }

    def ctx(self, topic_name: str, coastal: bool = False) -> dict[str, str]:
        rng, b = self.rng, banks()
        place = self.place(coastal)
        head = office_holder(place.code, place.head_title, self.seed)
        dept = rng.choice(TOPIC_DEPARTMENTS.get(topic_name, DEPARTMENTS))
        position = rng.choice(("국장", "과장", "과장", "팀장"))
        org_gen, org_gen_head = self.org_generic(place)
        univ = rng.choice(UNIVS)
        amt1 = _round(rng, 10, 800)
        amt2 = _round(rng, 5, max(6, amt1))
        edu_code = "KR-29" if place.region == "광주" else "KR-46"
        edu_office = "광주시교육청" if edu_code == "KR-29" else "전남도교육청"
        school_word = rng.choice(SCHOOL_WORDS)
        school_kind, _ = rng.choice(SCHOOL_KINDS)
        sport = rng.choice(SPORTS)
        unit_hall = {"시": "시청", "군": "군청", "구": "구청", "도": "도청"}[place.unit]
        team_owner = f"{place.short}{unit_hall}" if place.unit != "구" else f"광주 {place.short}청"
        team = f"{team_owner} {sport}팀" if rng.random() < 0.7 else f"{place.short}{school_word}고 {sport}부"
        player = person(rng)
        target, target2 = rng.sample(TARGETS, 2)
        field = rng.choice(FIELDS)
        proj = f"{field} {rng.choice(PROJECT_KINDS)}"
        fields = rng.sample(FIELD_ITEMS, 4)
        country, country2 = rng.sample(COUNTRIES, 2)
        thing = rng.choice(FESTIVAL_THINGS)
        nth = rng.randint(3, 45)
        police_place = place if place.unit != "도" else b.places[rng.choice(self.paper.home[1:] or ("KR-46-목포시",))]
        industry = rng.choice(tuple(INDUSTRIES))
        facility = rng.choice(FACILITIES)
        years = rng.randint(10, 40)
        rooms = rng.sample(ROOMS, 3)
        gov_hall = {"도": "전남도청", "구": f"광주 {place.short}청"}.get(place.unit, f"{place.gov}청")
        c: dict[str, str] = {
            "loc": place.loc,
            "short": place.short,
            "gov": place.gov,
            "gsh": place.unit,
            "council": place.council,
            "region": place.region,
            "head": head,
            "head_title": place.head_title,
            "head_ref": f"{head[0]} {_HEAD_SHORT[place.unit]}",
            "place_code": place.code,
            "ministry": rng.choice(MINISTRIES),
            "partner": rng.choice((org_gen, rng.choice(b.orgs_csv), f"{place.short}상공회의소")),
            "org_gen": org_gen,
            "org_head": person(rng),
            "org_title": f"{org_gen} {org_gen_head}",
            "off": person(rng),
            "off_title": f"{place.gov} {dept}{position}",
            "exp": person(rng),
            "exp_title": f"{univ} {rng.choice(DEPTS)} 교수",
            "univ": univ,
            "dept": rng.choice(DEPTS),
            "res": person(rng),
            "res_age": str(years + rng.randint(25, 45)),
            "venue": self.venue(place),
            "subarea": self.subarea(),
            "district1": self.subarea(),
            "district2": self.subarea(),
            "proj": proj,
            "projq": f"'{proj}'",
            "field": field,
            "target": target,
            "target2": target2,
            "benefit": rng.choice(BENEFITS),
            "facility": _FACILITY_TEXT.get(facility[0], facility[0]),
            "facility_for": facility[1],
            "r1": _ROOM_TEXT.get(rooms[0], rooms[0]),
            "r2": _ROOM_TEXT.get(rooms[1], rooms[1]),
            "r3": _ROOM_TEXT.get(rooms[2], rooms[2]),
            "hall": rng.choice(
                (f"{gov_hall} 대회의실", f"{gov_hall} 브리핑룸", f"{gov_hall} 접견실", f"{place.short}문화예술회관")
            ),
            "f1": fields[0],
            "f2": fields[1],
            "f3": fields[2],
            "f4": fields[3],
            "amt1": _eok(amt1),
            "amt2": _eok(amt2),
            "amt3": _eok(amt1 + amt2),
            "amt_s": f"{rng.randint(2, 95)}억원" if rng.random() < 0.5 else f"{_round(rng, 1200, 9800)}만원",
            "count1": _num(_round(rng, 20, 3000)),
            "count2": _num(_round(rng, 10, 1500)),
            "count3": _num(_round(rng, 30, 25000)),
            "visitors": _num(_round(rng, 30, 900) * 10000 + rng.choice((0, 0, _round(rng, 1000, 9000)))),
            "count_s": str(rng.randint(2, 9)),
            "count_v": str(rng.randint(12, 480)),
            "count_p": str(_round(rng, 30, 900)),
            "count_y": str(rng.randint(2, 10)),
            "count_days": str(rng.randint(2, 5)),
            "pct1": _pct(rng),
            "pct2": _pct(rng, 5, 70),
            "satisf": _pct(rng, 72, 97),
            "money1": rng.choice(
                ("30만원", "50만원", "100만원", "200만원", "300만원", "500만원", "1000만원", "20만원")
            ),
            "area1": rng.choice((f"{rng.randint(2, 60)}만㎡", f"{_round(rng, 1200, 9900)}㎡")),
            "floors": str(rng.randint(2, 7)),
            "year1": str(self.day.year + rng.randint(1, 5)),
            "nth": str(nth),
            "company": self.company(industry),
            "company_head": person(rng),
            "product": rng.choice(INDUSTRIES[industry][0]),
            "industry": industry,
            "factory": rng.choice(b.industrial) if rng.random() < 0.6 else f"{place.short} 일반산업단지",
            "country": country,
            "country2": country2,
            "chamber": f"{place.short}상공회의소",
            "chamber_head": person(rng),
            "founded": str(rng.randint(1985, 2018)),
            "bsi": str(rng.randint(62, 96)),
            "tons": _num(_round(rng, 20, 12000)),
            "crop": rng.choice(CROPS),
            "fish": rng.choice(FISH),
            "coop": f"{place.short}{rng.choice(('농협', '원예농협', '농협'))}",
            "fcoop": f"{place.short}수협",
            "fcoop_head": person(rng),
            "coop_head": person(rng),
            "hectares": str(rng.randint(3, 900)),
            "price": f"{rng.randint(1, 9)}만{rng.randint(1, 9)}000",
            "building": rng.choice(("아파트", "상가", "식당", "공장", "창고", "주택", "요양병원", "모텔")),
            "road": rng.choice(
                (
                    "호남고속도로",
                    "서해안고속도로",
                    "남해고속도로",
                    "무안광주고속도로",
                    f"{place.short} 국도 1호선",
                    f"{place.short} 순환도로",
                )
            ),
            "nveh": str(rng.randint(2, 6)),
            "boat": rng.choice((f"{rng.randint(3, 19)}t급 어선", "낚시 어선", "소형 여객선", "예인선")),
            "hour": str(rng.randint(1, 11)),
            "minute": str(rng.choice((5, 10, 15, 20, 25, 30, 35, 40, 45, 50))),
            "hours_n": str(rng.randint(1, 6)),
            "floor_n": str(rng.randint(1, 15)),
            "area_m": str(rng.randint(10, 400)),
            "money_s": f"{_round(rng, 300, 9000)}만원",
            "minutes_n": str(rng.randint(15, 90)),
            "vage": str(rng.randint(20, 85)),
            "dage": str(rng.randint(22, 70)),
            "sage": str(rng.randint(20, 60)),
            "fire": f"{police_place.short}소방서"
            if police_place.region == "전남"
            else f"광주 {rng.choice(('북부', '서부', '남부', '광산'))}소방서",
            "police": f"{police_place.short}경찰서"
            if police_place.region == "전남"
            else f"광주 {rng.choice(('북부', '서부', '남부', '동부', '광산'))}경찰서",
            "coast_guard": rng.choice(("목포해양경찰서", "여수해양경찰서", "완도해양경찰서")),
            "crew_n": str(rng.randint(2, 12)),
            "heli_n": str(rng.randint(2, 9)),
            "edu_office": edu_office,
            "edu_head": office_holder(edu_code, "교육감", self.seed),
            "edu_title": f"{edu_office[:2]}시교육감" if edu_code == "KR-29" else "전남도교육감",
            "edu_prog": rng.choice(EDU_PROGRAMS),
            "univ_prog": rng.choice(UNIV_PROGRAMS),
            "school": f"{place.short}{school_word}{school_kind}",
            "teacher": person(rng),
            "principal": person(rng),
            "contest": rng.choice(CONTESTS),
            "event": f"제{nth}회 {place.short} {thing}축제",
            "thing": thing,
            "slogan": rng.choice(SLOGANS),
            "dur": str(rng.randint(2, 10)),
            "artist": person(rng),
            "artist_role": rng.choice(ARTIST_ROLES),
            "exh": rng.choice(EXHIBITION_WORDS),
            "genre": rng.choice(GENRES),
            "culture_org": f"{place.short}문화재단",
            "gallery": rng.choice(
                (
                    f"{place.short}문화예술회관 전시실",
                    f"{place.short}문화원 전시실",
                    f"{place.short} 시립미술관" if place.unit in ("시", "구") else f"{place.short}군립미술관",
                    f"{place.short}문화예술회관 대공연장",
                )
            ),
            "culture_head": person(rng),
            "sport": sport,
            "team": team,
            "player": player,
            "player_full": f"{player}({rng.randint(15, 31)}·{team_owner})",
            "coach": person(rng),
            "division": rng.choice(DIVISIONS),
            "tournament": rng.choice(
                (
                    f"제{nth}회 전국{sport}선수권대회",
                    f"제{nth}회 회장기 전국{sport}대회",
                    f"{self.day.year} 전국{sport}대회",
                    f"제{nth}회 대통령기 전국{sport}대회",
                )
            ),
            "rival": rng.choice(RIVAL_TEAMS),
            "s1": str(rng.randint(3, 6)),
            "s2": str(rng.randint(0, 2)),
            "welfare_center": f"{place.short}종합사회복지관",
            "center_head": person(rng),
            "flu": f"{rng.randint(12, 60)}.{rng.randint(1, 9)}",
            "member": person(rng),
            "speaker": person(rng),
            "committee": rng.choice(
                ("산업건설위원회", "행정자치위원회", "교육문화위원회", "보건복지위원회", "기획행정위원회")
            ),
            "river": rng.choice(("영산강", "섬진강", "황룡강", "탐진강", "광주천", "영산강 지류")),
            "bird": rng.choice(("흑두루미", "저어새", "검은머리물떼새", "노랑부리백로", "큰고니")),
            "pm": str(rng.randint(36, 95)),
            "env_group": f"{place.short}환경운동연합",
            "env_head": person(rng),
            "n_years": str(rng.randint(5, 12)),
            "routes1": str(rng.randint(60, 120)),
            "routes2": str(rng.randint(50, 100)),
            "min1": str(rng.choice((15, 20, 25, 30))),
            "min2": str(rng.choice((8, 10, 12))),
            "job": rng.choice(("사과 농가", "어민", "봉사자", "식당 주인", "택시 기사", "약사", "집배원")),
            "years": str(years),
            "work": rng.choice(
                ("사과 농사를 지어 온", "바다에서 물질을 해 온", "이웃을 돌봐 온", "작은 식당을 운영해 온")
            ),
            "award": rng.choice(("대한민국 농업명인", "올해의 자원봉사자", "국민추천포상 수상자", "신지식인")),
            "award_short": rng.choice(("봉사왕", "명인", "이웃")),
            "deed_h": rng.choice(DEEDS),
            "hq": rng.choice(HEADLINE_QUOTES),
            "student": person(rng),
            "region_gov": "광주시" if place.region == "광주" else "전남도",
            **self.dates(),
        }
        c["deed"] = c["deed_h"] + josa(c["deed_h"], "을")
        c["at_venue"] = c["venue"] if c["venue"].startswith(place.short) else f"{place.loc} {c['venue']}"
        c["eventq"] = f"'{c['event']}'"
        c["exhq"] = f"'{c['exh']}'"
        c["sloganq"] = f"'{c['slogan']}'"
        return c

    # --- bylines ---
    def reporters(self, desk: str, place_code: str | None = None) -> list[Staffer]:
        pool = [s for s in self.staff if s.desk == desk] or list(self.staff)
        if desk == "region" and place_code:
            local = [s for s in pool if s.station == place_code]
            pool = local or pool
        return pool

    def byline(self, desk: str, place_code: str | None) -> tuple[str, tuple[str, ...], str | None, str | None]:
        """(printed line, names, e-mail, dateline) of a staff byline."""
        rng = self.rng
        if rng.random() < 0.25:
            desk = "region"
        pool = self.reporters(desk, place_code)
        first = rng.choice(pool)
        names = [first.name]
        if rng.random() < 0.08 and len(pool) > 1:
            names.append(rng.choice([s for s in pool if s is not first]).name)
        role = rng.choices(("기자", "선임기자", "수습기자"), (0.94, 0.04, 0.02))[0]
        dateline = None
        if first.station and first.station not in ("KR-29", "KR-46") and rng.random() < 0.5:
            dateline = banks().places[first.station].short
        email = first.email if len(names) == 1 and rng.random() < 0.85 else None
        credit = "글·사진=" if rng.random() < 0.04 and not dateline else ""
        line = "/" + (f"{dateline}=" if dateline else "") + credit + "·".join(names) + f" {role}"
        if email:
            line += f" {email}"
        return line, tuple(names), email, dateline

    # --- pieces ---
    def _unique_headline(self, templates: tuple[str, ...], c: dict[str, str], limit: int = 34) -> str:
        for _ in range(20):
            h = fill(self.rng.choice(templates), c)
            if len(h) <= limit and h not in self.used_headlines:
                self.used_headlines.add(h)
                return h
        return h

    def article_paragraphs(self, story: Story, c: dict[str, str], n: int) -> list[str]:
        """About n paragraphs: the lead, all of the story's details and a few of its topic's, one or two quotes,
        a closing; one to four sentences a paragraph."""
        rng = self.rng
        lead = fill(rng.choice(story.leads), c)
        sentences = list(story.details)
        rng.shuffle(sentences)
        extra = list(TOPIC_DETAILS.get(story.topic, ()))
        extra += GENERIC_DETAILS if story.topic in GENERIC_TOPICS else ()
        for sentence in rng.sample(extra, min(len(extra), rng.randint(0, 3))):
            sentences.insert(rng.randint(1, len(sentences)), sentence)
        closing = bool(story.closings) and n >= 4
        quotes = 2 if len(story.quotes) >= 3 and n >= 6 else 1 if story.quotes else 0
        slots = max(1, n - 1 - quotes - closing)
        sizes = [1] * slots
        for _ in range(len(sentences) - slots):
            open_ = [i for i, k in enumerate(sizes) if k < 4] or [len(sizes)]
            i = rng.choice(open_)
            if i == len(sizes):
                sizes.append(0)
            sizes[i] += 1
        paras = [lead]
        for k in sizes:
            chunk, sentences = sentences[:k], sentences[k:]
            if chunk:
                paras.append(" ".join(fill(x, c) for x in chunk))
        if quotes:
            qs = [fill(q, c) for q in rng.sample(story.quotes, min(len(story.quotes), 2 * quotes))]
            speakers = list(story.speakers)
            who = fill(rng.choice(speakers), c)
            q = dict(c, who=who, q1=qs[0], q2=qs[1 % len(qs)])
            frames = QUOTE_FRAMES if len(qs) > 1 else tuple(f for f in QUOTE_FRAMES if "{q2}" not in f)
            at = max(1, len(paras) - rng.choice((0, 1)))
            paras.insert(at, fill(rng.choice(frames), q))
            if quotes == 2:
                # A second speaker, or the first one again by surname and title ("박 시장은").
                again = who.startswith(c["head"]) and rng.random() < 0.7
                others = [s for s in speakers if fill(s, c) != who]
                same = again or not others
                who2 = c["head_ref"] if again else who if same else fill(rng.choice(others), c)
                q2 = dict(c, who=who2, q1=qs[-1])
                frames = SECOND_QUOTE_FRAMES if same else QUOTE_FRAMES[:1] + QUOTE_FRAMES[3:4]
                paras.insert(at + 1, fill(rng.choice(frames), q2))
        if closing:
            paras.append(fill(rng.choice(story.closings), c))
        return paras

    def news(
        self, topic_name: str, *, paragraphs: int | None = None, subs: int | None = None, wire_ok: bool = True
    ) -> Composed:
        rng = self.rng
        story = rng.choice(STORIES[topic_name])
        c = self.ctx(topic_name, coastal=story.name in COASTAL_STORIES)
        headline = self._unique_headline(story.headlines, c)
        nsubs = subs if subs is not None else rng.choices((0, 1, 2), (0.55, 0.35, 0.1))[0]
        subheads = [fill(t, c) for t in rng.sample(story.subs, min(nsubs, len(story.subs)))]
        n = paragraphs or rng.choice((3, 4, 5, 5, 6, 6, 7, 8))
        paras = self.article_paragraphs(story, c, n)
        place_code = c["place_code"]
        blocks: list[tuple] = [("line", headline), *(("line", s) for s in subheads)]
        wire = rng.random() < 0.05 and wire_ok
        if wire:
            agency = rng.choice(AGENCIES)
            reporter = person(rng)
            where = {"구": "광주", "도": "무안"}.get(c["gsh"], c["short"])
            prefix = f"({where}={agency}) {reporter} 기자 = "
            blocks.append(("lead", prefix, paras[0]))
            blocks += [("para", p) for p in paras[1:]]
            names, email, dateline = (reporter,), None, None
        else:
            blocks += [("para", p) for p in paras]
            line, names, email, dateline = self.byline(story.desk, place_code)
            blocks.append(("line", line))
        return Composed(
            "news",
            blocks,
            headline,
            tuple(subheads),
            names=names,
            email=email,
            dateline=dateline,
            body="\n\n".join(paras),
            column_height=rng.randint(9, 30),
        )

    def photo(self) -> Composed:
        rng = self.rng
        c = self.ctx("photo")
        season = SEASON[self.day.month]
        title = rng.choice(PHOTO_TITLES[season] + PHOTO_TITLES["any"])
        captions = [t for t in PHOTO_CAPTIONS if "앞바다" not in t or c["short"] in COASTAL]
        caption = fill(rng.choice(captions), c)
        r = rng.random()
        names: tuple[str, ...] = ()
        email = dateline = None
        if r < 0.6:
            p = rng.choice(self.reporters("photo"))
            credit, names, email = f"/{p.name} 기자 {p.email}", (p.name,), p.email
        elif r < 0.9:
            credit = f"/사진={rng.choice((c['gov'], c['culture_org'], c['org_gen'], c['univ']))} 제공"
        else:
            line, names, email, dateline = self.byline("region", None)
            credit = line
        style = rng.choices(("inline", "lines", "title-line"), (0.5, 0.2, 0.3))[0]
        quoted = "'" in title
        if style == "inline" and not quoted and rng.random() < 0.8:
            style = "lines"  # a title without quotation marks printed inline reads as part of its caption
        if style == "inline":
            blocks = [("line", f"{title} {caption} {credit}")]
        elif style == "lines":
            blocks = [("line", title), ("line", caption), ("line", credit)]
        else:
            blocks = [("line", title), ("line", f"{caption} {credit}")]
        return Composed("photo", blocks, title, names=names, email=email, dateline=dateline, body=caption)

    def editorial(self) -> Composed:
        rng = self.rng
        c = self.opinion_ctx()
        headline = self._unique_headline(EDITORIAL_HEADLINES, c, limit=36)
        paras = self.essay(OPINION_OPEN, OPINION_BODY, OPINION_CLOSE, c, rng.randint(3, 5))
        blocks = [("line", f"[사설] {headline}"), *(("para", p) for p in paras)]
        return Composed(
            "editorial", blocks, headline, label="사설", body="\n\n".join(paras), column_height=rng.randint(12, 30)
        )

    def column(self) -> Composed:
        rng = self.rng
        c = self.opinion_ctx()
        headline = self._unique_headline(EDITORIAL_HEADLINES, c, limit=36)
        if rng.random() < 0.12:  # a reporter's notebook, signed by its byline
            paras = self.essay(OPINION_OPEN, OPINION_BODY, OPINION_CLOSE, c, rng.randint(3, 5))
            line, names, email, dateline = self.byline(rng.choice(("politics", "society", "economy")), None)
            blocks = [("line", f"[기자수첩] {headline}"), *(("para", p) for p in paras), ("line", line)]
            return Composed(
                "column", blocks, headline, label="기자수첩", names=names, email=email, dateline=dateline,
                body="\n\n".join(paras), column_height=rng.randint(12, 30),
            )  # fmt: skip
        label = rng.choice(self.paper.column_labels)
        author = person(rng)
        affiliation = fill(rng.choice(COLUMNIST_JOBS), c)
        paras = self.essay(COLUMN_OPEN, COLUMN_BODY + OPINION_BODY, COLUMN_CLOSE, c, rng.randint(4, 6))
        spaced = " ".join(author)
        layout = rng.choice(("top", "top-affil", "bottom", "bottom-affil"))
        sig = [affiliation, spaced] if layout.endswith("affil") else [spaced, affiliation]
        body = [("para", p) for p in paras]
        head = [("line", f"[{label}] {headline}")]
        blocks = (
            head + [("line", x) for x in sig] + body
            if layout.startswith("top")
            else head + body + [("line", x) for x in sig]
        )
        return Composed(
            "column", blocks, headline, label=label, names=(author,), body="\n\n".join(paras),
            column_height=rng.randint(12, 30),
        )  # fmt: skip

    def opinion_ctx(self) -> dict[str, str]:
        rng = self.rng
        c = self.ctx("opinion")
        c.update(
            issue=rng.choice(ISSUES),
            actor=rng.choice(ACTORS),
            indicator=INDICATOR_TEXT[rng.choice(INDICATORS)],
            anecdote=rng.choice(ANECDOTES),
            hospital_word=rng.choice(HOSPITAL_WORDS),
        )
        return c

    def essay(self, opening, body, closing, c: dict[str, str], n: int) -> list[str]:
        """n paragraphs: an opening (with a sentence of analysis), analysis and what should be done, a closing."""
        rng = self.rng
        middle = list(body)
        rng.shuffle(middle)
        prescribe = list(OPINION_PRESCRIBE)
        rng.shuffle(prescribe)
        paras = [fill(rng.choice(opening), c) + " " + fill(middle.pop(), c)]
        for i in range(n - 2):
            source = middle if i < (n - 2) / 2 and middle else prescribe
            k = rng.choice((2, 2, 3))
            paras.append(" ".join(fill(source.pop(), c) for _ in range(min(k, len(source)))))
        paras.append(fill(prescribe.pop(), c) + " " + fill(rng.choice(closing), c))
        return [p for p in paras if p]

    def notice(self, label: str) -> Composed:
        rng = self.rng
        c = self.ctx("notice")
        c["paper"] = self.paper.name
        lines: list[str]
        title: str | None = None
        if label == "인사":
            title = c["gov"]
            lines = []
            for grade, position in (("국장급", "국장"), ("과장급", "과장")):
                items = " ".join(f"▲{d}{position} {person(rng)}" for d in rng.sample(DEPARTMENTS, rng.randint(2, 4)))
                lines.append(f"◇{grade} {items}")
        elif label == "부고":
            lines = []
            for _ in range(rng.randint(1, 3)):
                d1 = self.day - timedelta(days=1)
                d2 = self.day + timedelta(days=1)
                where, position = rng.choice(
                    (
                        (c["gov"], rng.choice(("과장", "팀장", "주무관"))),
                        (c["univ"], "교수"),
                        (c["org_gen"], rng.choice(("사무국장", "팀장"))),
                        (c["company"], rng.choice(("대표", "부장", "이사"))),
                        (self.paper.name, rng.choice(("편집부 차장", "사진부장", "논설위원"))),
                    )
                )
                kin = f"{person(rng)}({where} {position})"
                lines.append(
                    f"▲{person(rng)}씨 별세, {kin}·{person(rng)}씨 {rng.choice(RELATIONS)} = {d1.day}일 "
                    f"{c['short']} {rng.choice(FUNERAL_HALLS)} {rng.randint(1, 9)}호, 발인 {d2.day}일 오전 {rng.randint(6, 10)}시."
                )
        else:  # 알림
            if rng.random() < 0.5:
                title = fill(rng.choice(PAPER_EVENTS), c)
                lines = [
                    fill("{paper:이} {sloganq:을} 주제로 행사를 엽니다. 독자 여러분의 많은 참여 바랍니다.", c),
                    f"▲접수: {c['future']}까지 ▲문의: {self.paper.phone}",
                ]
            else:
                lines = [
                    f"▲'{fill(rng.choice(NOTICE_EVENTS), c)}' = {c['future']} 오후 {rng.randint(1, 5)}시 {c['venue']}. 주최 {c['gov']}."
                    for _ in range(rng.randint(1, 2))
                ]
        head = f"[{label}] {title}" if title else f"[{label}]"
        blocks = [("line", head), *(("para", line) for line in lines)]
        return Composed(
            "notice", blocks, title or label, label=label, body="\n\n".join(lines), column_height=rng.randint(8, 20)
        )

    def ad(self) -> Composed:
        rng = self.rng
        c = self.ctx("ad")
        m1 = self.day.month
        d1 = self.day.day
        end = self.day + timedelta(days=rng.randint(7, 40))
        c.update(
            bank=rng.choice(BANKS_AD),
            season=SEASON[m1],
            rate=f"{rng.randint(3, 5)}.{rng.randint(0, 9)}",
            months=str(rng.choice((6, 12, 24))),
            m1=str(m1),
            d1=str(d1),
            m2=str(end.month),
            d2=str(end.day),
            phone_free=f"{rng.choice(('1566', '1588', '1644', '1899'))}-{rng.randint(1000, 9999)}",
            phone_local=f"{'062' if c['region'] == '광주' else '061'}-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
            brand=rng.choice(BRAND_ROOTS),
            apt_name=rng.choice(APT_NAMES),
            a1=str(rng.choice((59, 74, 84))),
            a2=str(rng.choice((99, 114, 126))),
            units=str(_round(rng, 200, 1800)),
            slug=rng.choice(("hanbit", "nuri", "daon", "mir", "gaon", "solbit", "saeron", "haram"))
            + str(rng.randint(1, 99)),
            hospital_word=rng.choice(HOSPITAL_WORDS),
            h=str(rng.randint(8, 9)),
            sale=str(rng.choice((10, 20, 30, 40, 50))),
            paper=self.paper.name,
            paper_phone=self.paper.phone,
            price_small=f"{rng.randint(3, 9)}만{rng.choice(('', '5000'))}",
        )
        lines = [fill(t, c) for t in rng.choice(ADS)]
        return Composed("ad", [("line", line) for line in lines], body="\n".join(lines))

    def continuation(self, from_page: int, rest: list[str], byline: tuple) -> Composed:
        rng = self.rng
        mark = rng.choice((f"〈{from_page}면에서 계속〉", f"〈{from_page}면에서 계속〉", f"({from_page}면에서 계속)"))
        line, names, email, dateline = byline
        if rng.random() < 0.3:
            blocks: list[tuple] = [("lead", f"{mark} ", rest[0]), *(("para", p) for p in rest[1:])]
        else:
            blocks = [("line", mark), *(("para", p) for p in rest)]
        blocks.append(("line", line))
        return Composed(
            "continuation", blocks, None, names=names, email=email, dateline=dateline, body="\n\n".join(rest),
            continues_from=from_page, column_height=rng.randint(12, 30),
        )  # fmt: skip


@cache
def _lead_article(publication: str, day: date, seed: int) -> tuple[Composed, list[str], list[str], tuple]:
    """The front page's lead article, written from the issue's own stream so that page 1 and the page where it
    goes on agree: (article, paragraphs printed on page 1, paragraphs printed on the other page, byline)."""
    rng = random.Random(f"{seed}/{publication}/{day.isoformat()}/lead")
    w = Writer(rng, papers()[publication], day, seed)
    topic = rng.choice(("policy", "policy", "economy", "council", "welfare", "environment", "tourism"))
    art = w.news(topic, paragraphs=rng.randint(6, 8), subs=rng.choice((1, 2)), wire_ok=False)
    paras = art.body.split("\n\n") if art.body else []
    byline = ("", (), None, None)
    for b in art.blocks:
        if b[0] == "line" and b[1].startswith("/"):
            byline = (b[1], art.names, art.email, art.dateline)
    split = rng.randint(3, max(3, len(paras) - 2))
    return art, paras[:split], paras[split:], byline


# --- layout: column width, cuts ----------------------------------------------------------------------------------------
def _ascii_word(ch: str) -> bool:
    return ch.isascii() and not ch.isspace() and ch not in "'\"()"


def _width(ch: str) -> float:
    return 0.5 if ch.isascii() else 1.0


_NO_LINE_START = set(".,!?)]}%’”」』〉…·")
_NO_LINE_END = set("([‘“「『〈")


def _opens(text: str, k: int) -> bool:
    """Is text[k] an opening mark (a straight quote opens when nothing but a space or a bracket precedes it)?"""
    ch = text[k]
    if ch in "'\"":
        return k == 0 or text[k - 1] in " ([〈"
    return ch in _NO_LINE_END


def _closes(text: str, k: int) -> bool:
    ch = text[k]
    if ch in "'\"":
        return not _opens(text, k)
    return ch in _NO_LINE_START


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Break ``text`` into lines of at most ``width`` units (Hangul 1, ASCII 0.5): [(start, end)] offsets.

    A line may end inside a word (Korean justified columns do); spaces at a break are dropped; closing
    punctuation hangs at the end of a line; a run of digits or Latin letters is not split, nor a number from the
    unit after it; an opening quote does not end a line."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    while start < n:
        used = 0.0
        i = start
        while i < n and used + _width(text[i]) <= width:
            used += _width(text[i])
            i += 1
        if i >= n:
            spans.append((start, n))
            break
        while i < n and _closes(text, i):
            i += 1  # hanging punctuation
        if i < n and "가" <= text[i] <= "힣" and text[i - 1].isdigit():
            i -= 1  # a number stays with its unit (3일, 940억원)
        j = i
        while j > start + 1 and _ascii_word(text[j - 1]) and i < n and _ascii_word(text[j]):
            j -= 1  # keep a number, a phone number or a Latin word whole
        if j > start + width // 2:
            i = j
        while i > start + 1 and _opens(text, i - 1):
            i -= 1
        end = i
        while end > start and text[end - 1] == " ":
            end -= 1
        spans.append((start, end))
        start = i
        while start < n and text[start] == " ":
            start += 1
    return spans


_SENTENCE_END = re.compile(r"""[.?!…]["'”’」』)〉]*$""")


def _window(text: str, cut_end: int, cut_start: int, lo: int = 0) -> str:
    """The words around a cut, whole, and one more word on each side (not reaching before ``lo``)."""
    left = text[lo:cut_end].split(" ")
    right = text[cut_start:].split(" ")
    if cut_end < cut_start:  # cut at a space
        return " ".join(left[-2:] + right[:2])
    return " ".join([*left[-2:-1], left[-1] + right[0], *right[1:2]])


@dataclass
class Printed:
    lines: list[str]  # lines of the piece, printed
    cuts: int = 0
    mid_word: int = 0
    after_sentence: int = 0
    windows: list[str] = field(default_factory=list)


def lay_out(piece: Composed, layout: str, width: int, rng: random.Random) -> Printed:
    """Print a piece's blocks: paragraphs cut where a column ends (``columns``) or at every line (``lines``)."""
    out = Printed([])
    height = piece.column_height
    # The text block starts under the headline, its first column full height, unless a photo or a box above
    # it shortens that column.
    used = 0 if rng.random() < 0.8 else rng.randint(2, max(2, height // 2))
    for block in piece.blocks:
        if block[0] == "line":
            out.lines.append(block[1])
            continue
        prefix, text = ("", block[1]) if block[0] == "para" else (block[1], block[2])
        full = prefix + text
        spans = wrap(full, width)
        breaks: list[int] = []  # indices k: a break after spans[k]
        if layout == "lines":
            breaks = list(range(len(spans) - 1))
        else:
            for k in range(len(spans)):
                used += 1
                if used >= height:
                    used = 0
                    if k < len(spans) - 1:
                        breaks.append(k)
        pieces_of_para: list[str] = []
        last = 0
        for k in breaks:
            end, nxt = spans[k][1], spans[k + 1][0]
            pieces_of_para.append(full[last:end])
            last = nxt
            out.cuts += 1
            if _SENTENCE_END.search(full[:end]):
                out.after_sentence += 1
                continue
            if end == nxt:
                out.mid_word += 1
            if end > len(prefix):
                out.windows.append(_window(full, end, nxt, len(prefix)))
        pieces_of_para.append(full[last:])
        out.lines.extend(p.strip() for p in pieces_of_para)
    return out


# --- pages --------------------------------------------------------------------------------------------------------------
_SECTION_TOPICS = {
    "종합": ("policy", "economy", "council", "society", "welfare", "environment", "tourism"),
    "정치": ("council", "council", "policy"),
    "경제": ("economy", "economy", "agri"),
    "사회": ("society", "society", "welfare", "environment", "education"),
    "지역": ("policy", "agri", "tourism", "welfare", "culture"),
    "전남": ("policy", "agri", "tourism", "welfare", "culture"),
    "교육": ("education",),
    "문화": ("culture", "culture", "tourism"),
    "생활": ("welfare", "environment", "tourism"),
    "스포츠": ("sports",),
    "농업": ("agri",),
    "환경": ("environment",),
    "사람들": ("people",),
}


def _furniture(paper: Paper, day: date, page: int, section: str, head: str | None, foot: str | None):
    wd = WEEKDAYS[day.weekday()]
    korean_date = f"{day.year}년 {day.month}월 {day.day}일"
    num = issue_number(paper.code, day)
    top: list[str] = []
    bottom: list[str] = []
    if head == "line":
        top = [f"{korean_date} {wd}요일 제{num}호 {paper.name} {page}면 {section}"]
    elif head == "split":
        top = [section, str(page), paper.name, f"{korean_date} ({wd}) 제{num:,}호"]
    elif head == "dot":
        top = [f"{paper.name} {day.year}.{day.month:02d}.{day.day:02d}({wd}) {section} {page}면"]
    if foot == "web":
        bottom = [f"www.{paper.domain}", f"구독문의 {paper.phone}"]
    elif foot == "web-one-line":
        bottom = [f"www.{paper.domain}  구독문의 {paper.phone}"]
    elif foot == "dash":
        bottom = [f"- {page} -"]
    return top, bottom


def _pieces_for(w: Writer, iss: Issue, page: int, section: str) -> list[Composed]:
    rng = w.rng
    pieces: list[Composed] = []
    if page == 1:
        lead, first, rest, byline = _lead_article(iss.publication, iss.day, w.seed)
        w.used_headlines.add(lead.headline or "")
        head = [b for b in lead.blocks if b[0] == "line" and not b[1].startswith("/")]
        blocks = head + [("para", p) for p in first]
        if iss.lead_refs:
            pages = "·".join(str(p) for p in iss.lead_refs)
            blocks.insert(len(head) + 1, ("line", rng.choice((f"〈관련기사 {pages}면〉", f"▶관련기사 {pages}면"))))
        if iss.lead_continues_on:
            blocks.append(
                ("line", rng.choice((f"〈{iss.lead_continues_on}면에 계속〉", f"{iss.lead_continues_on}면에 계속")))
            )
            body, names, email, dateline = "\n\n".join(first), (), None, None
        else:
            blocks += [("para", p) for p in rest]
            blocks.append(("line", byline[0]))
            body = lead.body
            names, email, dateline = byline[1], byline[2], byline[3]
        pieces.append(
            Composed(
                "news", blocks, lead.headline, lead.subheadlines, names=names, email=email, dateline=dateline,
                body=body, continues_on=iss.lead_continues_on, cross_refs=iss.lead_refs,
                column_height=lead.column_height,
            )
        )  # fmt: skip
        topics = _SECTION_TOPICS["종합"]
        for _ in range(rng.randint(1, 3)):
            pieces.append(w.news(rng.choice(topics)))
        if rng.random() < 0.7:
            pieces.insert(rng.randint(1, len(pieces)), w.photo())
        while len(pieces) < 3:
            pieces.append(w.news(rng.choice(topics)))
        if rng.random() < 0.35:
            pieces.append(w.ad())
        return pieces
    if page == iss.lead_continues_on:
        _, _, rest, byline = _lead_article(iss.publication, iss.day, w.seed)
        pieces.append(w.continuation(1, rest, byline))
    if section == "오피니언":
        pieces.append(w.editorial())
        if rng.random() < 0.6:
            pieces.append(w.editorial())
        pieces.append(w.column())
        if rng.random() < 0.5:
            pieces.append(w.column())
        if rng.random() < 0.25:
            pieces.append(w.ad())
        return pieces
    if section == "사람들":
        for label in ("인사", "부고", "알림"):
            if rng.random() < 0.75:
                pieces.append(w.notice(label))
        for _ in range(rng.randint(1, 2)):
            pieces.append(w.news("people", paragraphs=rng.randint(3, 4)))
        if len(pieces) < 3 or rng.random() < 0.4:
            pieces.append(w.ad())
        return pieces[:7]
    topics = _SECTION_TOPICS.get(section, _SECTION_TOPICS["종합"])
    for _ in range(rng.randint(2, 5) - (1 if pieces else 0)):
        pieces.append(w.news(rng.choice(topics)))
    if rng.random() < 0.55:
        pieces.insert(rng.randint(1 if pieces[0].kind == "continuation" else 0, len(pieces)), w.photo())
    if rng.random() < 0.08:
        pieces.append(w.notice("알림"))
    if rng.random() < 0.35:
        pieces.append(w.ad())
    while len(pieces) < 3:
        pieces.append(w.news(rng.choice(topics)))
    return pieces[:7]


def page_text(
    publication: str,
    day: date,
    page_number: int,
    rng: random.Random,
    *,
    seed: int = 1,
    layout: str | None = None,
    wrapped_share: float = WRAPPED_SHARE,
) -> tuple[str, PagePlan]:
    """One page's text and what was placed on it. Pure: the same arguments (and rng state) give the same page.

    ``seed`` names the corpus: the issue's layout (its number of pages, sections, the front page's lead article
    and where it goes on) and the paper's staff derive from it, so the pages of one issue agree with each other.
    ``layout`` (``columns`` or ``lines``) is drawn, when not given, from a stream of its own with probability
    ``wrapped_share`` for ``lines``, so that the share changes how pages are printed, never what they say."""
    paper = papers()[publication]
    iss = issue(publication, day, seed)
    if not 1 <= page_number <= iss.pages:
        raise ValueError(f"{publication} {day} has pages 1-{iss.pages}, not {page_number}")
    section = iss.sections[page_number - 1]
    heads, weights = zip(*paper.heads, strict=True)
    head = rng.choices(heads, weights)[0]
    if page_number == 1:
        foot = rng.choices(("web", "web-one-line", None), (0.7, 0.1, 0.2))[0]
    else:
        foot = rng.choices(("dash", "web-one-line", None), (0.15 if publication != "bitgoeul" else 0.05, 0.05, 0.8))[0]
    if layout is None:
        draw = random.Random(f"{seed}/{publication}/{day.isoformat()}/{page_number}/layout").random()
        layout = "lines" if draw < wrapped_share else "columns"
    width = rng.randint(17, 22)
    loose = rng.random() < 0.1
    w = Writer(rng, paper, day, seed)
    composed = _pieces_for(w, iss, page_number, section)
    top, bottom = _furniture(paper, day, page_number, section, head, foot)
    chunks: list[str] = []
    if top:
        chunks.append("\n\n".join(top))
    plans: list[PiecePlan] = []
    for piece in composed:
        printed = lay_out(piece, layout, width, rng)
        sep = "\n" if layout == "lines" else "\n\n"
        chunks.append(sep.join(printed.lines))
        plans.append(
            PiecePlan(
                kind=piece.kind,
                headline=piece.headline,
                subheadlines=piece.subheadlines,
                label=piece.label,
                byline_names=piece.names,
                email=piece.email,
                dateline=piece.dateline,
                body=piece.body,
                first_sentence=_first_sentence(piece.body) if piece.kind not in ("ad", "notice") else None,
                continues_on=piece.continues_on,
                continues_from=piece.continues_from,
                cross_refs=piece.cross_refs,
                cuts=printed.cuts,
                cuts_mid_word=printed.mid_word,
                cuts_after_sentence=printed.after_sentence,
                cut_windows=tuple(printed.windows),
            )
        )
    if bottom:
        chunks.append("\n\n".join(bottom))
    text = ("\n\n\n\n" if loose else "\n\n").join(chunks) + "\n"
    plan = PagePlan(publication, day.isoformat(), page_number, section, head, foot, layout, width, tuple(plans))
    return text, plan


def page_rng(seed: int, publication: str, day: date, page_number: int) -> random.Random:
    return random.Random(f"{seed}/{publication}/{day.isoformat()}/{page_number}")


def encode_page(text: str, seed: int, publication: str, day: date, page_number: int, legacy_share: float):
    """The page's bytes: UTF-8 and LF, or for a ``legacy_share`` of pages CP949 and/or CRLF (own random stream)."""
    rng = random.Random(f"{seed}/{publication}/{day.isoformat()}/{page_number}/encoding")
    if rng.random() >= legacy_share:
        return text.encode("utf-8"), "utf-8"
    kind = rng.choice(("cp949", "cp949-crlf", "utf-8-crlf"))
    if kind.endswith("crlf"):
        text = text.replace("\n", "\r\n")
    return text.encode("cp949" if kind.startswith("cp949") else "utf-8"), kind


# --- the corpus ---------------------------------------------------------------------------------------------------------
@dataclass
class CorpusSummary:
    pages: int = 0
    pieces: Counter = field(default_factory=Counter)
    characters: int = 0
    bytes: int = 0
    column_cuts: int = 0
    legacy_files: int = 0
    publications: Counter = field(default_factory=Counter)
    first_date: str | None = None
    last_date: str | None = None
    seconds: float = 0.0
    plans: list[PagePlan] = field(default_factory=list)  # of the first ``keep_plans`` pages

    def line(self) -> str:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.pieces.items(), key=lambda kv: -kv[1]))
        pubs = ", ".join(f"{k} {v}" for k, v in self.publications.items())
        return (
            f"{self.pages} pages ({pubs}; {self.first_date}..{self.last_date}), "
            f"{sum(self.pieces.values())} pieces ({kinds}), {self.characters:,} characters, "
            f"{self.bytes / 1e6:.1f} MB, {self.column_cuts} column cuts, {self.legacy_files} legacy-encoded files, "
            f"{self.seconds:.1f} s"
        )


def generate_corpus(
    out_dir: Path,
    pages: int,
    seed: int = 1,
    *,
    legacy_share: float = 0.02,
    start: date = START,
    keep_plans: int = 0,
    wrapped_share: float = WRAPPED_SHARE,
) -> CorpusSummary:
    """Write ``pages`` pages under ``out_dir`` (streamed: one page in memory at a time).

    ``keep_plans``: keep the plans of the first that many pages on the summary (``summary.plans``)."""
    t0 = time.perf_counter()
    out_dir = Path(out_dir)
    summary = CorpusSummary()
    made: set[Path] = set()
    for publication, day, number in corpus_order(pages, seed, start):
        rng = page_rng(seed, publication, day, number)
        text, plan = page_text(publication, day, number, rng, seed=seed, wrapped_share=wrapped_share)
        data, encoding = encode_page(text, seed, publication, day, number, legacy_share)
        folder = out_dir / publication / day.isoformat()
        if folder not in made:
            folder.mkdir(parents=True, exist_ok=True)
            made.add(folder)
        (folder / f"{number}.txt").write_bytes(data)
        summary.pages += 1
        summary.publications[publication] += 1
        summary.pieces.update(p.kind for p in plan.pieces)
        summary.characters += len(text)
        summary.bytes += len(data)
        summary.column_cuts += plan.column_cuts
        summary.legacy_files += encoding != "utf-8"
        summary.first_date = summary.first_date or plan.date
        summary.last_date = plan.date
        if len(summary.plans) < keep_plans:
            summary.plans.append(plan)
    summary.seconds = time.perf_counter() - t0
    return summary


# --- agreement with the reader ----------------------------------------------------------------------------------------
def agreement(plan: PagePlan, parsed: dict) -> Counter:
    """Compare what was placed on a page with ``sinmun.parse.parse_page_bytes``'s reading of it (counts)."""
    out: Counter = Counter(pages=1)
    src = parsed["source"]
    if plan.states >= {"publication", "date", "page"}:
        out["header_pages"] += 1
        ok = (src["publication"], src["publication_date"], src["page"]) == (plan.publication, plan.date, plan.page)
        out["header_ok"] += ok
        out["section_ok"] += src.get("section") == plan.section
    read = parsed["articles"]
    out["pieces_planned"] += len(plan.pieces)
    out["pieces_read"] += len(read)
    bodies = [a["body"] or "" for a in read]
    all_bodies = "\n\n".join(bodies)
    names_read = {n for a in read for n in ((a.get("byline") or {}).get("names") or [])}
    headlines_read = [a["headline"] for a in read]
    for p in plan.pieces:
        out[f"planned_{p.kind}"] += 1
        match = None
        if p.headline:
            match = next((a for a in read if a["headline"] == p.headline), None)
        if match is None:
            probe = p.first_sentence or (p.body or "").split("\n")[0]
            match = next((a for a in read if probe and probe in (a["body"] or "")), None)
        if match is not None:
            out["pieces_found"] += 1
            out[f"found_{p.kind}"] += 1
            out["kinds_ok"] += match["kind"] == p.kind
            out["bodies_exact"] += (match["body"] or "") == (p.body or "")
        if p.headline and p.kind != "ad":
            out["headlines_planned"] += 1
            out["headlines_found"] += p.headline in headlines_read
        for name in p.byline_names:
            out["names_planned"] += 1
            out["names_found"] += name in names_read
        if p.first_sentence:
            out["first_sentences_planned"] += 1
            out["first_sentences_found"] += p.first_sentence in all_bodies
        out["cuts_planned"] += len(p.cut_windows)
        out["cuts_repaired"] += sum(w in all_bodies for w in p.cut_windows)
        out["cuts_after_sentence"] += p.cuts_after_sentence
        if p.continues_on:
            out["continues_on_planned"] += 1
            out["continues_on_found"] += any(a.get("continues_on") == p.continues_on for a in read)
        if p.continues_from:
            out["continues_from_planned"] += 1
            out["continues_from_found"] += any(a.get("continues_from") == p.continues_from for a in read)
        if p.cross_refs:
            out["cross_refs_planned"] += 1
            out["cross_refs_found"] += any(tuple(a.get("cross_refs") or ()) == p.cross_refs for a in read)
    out[f"layout_{plan.layout}"] += 1
    return out


RATIOS = (
    ("header", "header_ok", "header_pages"),
    ("section", "section_ok", "header_pages"),
    ("pieces found", "pieces_found", "pieces_planned"),
    ("pieces read/planned", "pieces_read", "pieces_planned"),
    ("kinds", "kinds_ok", "pieces_found"),
    ("headlines", "headlines_found", "headlines_planned"),
    ("byline names", "names_found", "names_planned"),
    ("first sentences", "first_sentences_found", "first_sentences_planned"),
    ("cuts repaired", "cuts_repaired", "cuts_planned"),
    ("bodies exact", "bodies_exact", "pieces_found"),
    ("continues_on", "continues_on_found", "continues_on_planned"),
    ("continues_from", "continues_from_found", "continues_from_planned"),
    ("cross_refs", "cross_refs_found", "cross_refs_planned"),
)


def ratios(c: Counter) -> dict[str, float]:
    return {name: c[num] / c[den] for name, num, den in RATIOS if c[den]}


def check(out_dir: Path, plans: list[PagePlan]) -> Counter:
    """Read the pages of ``plans`` back with the project's reader and add up the agreement."""
    from sinmun.parse import parse_page_bytes

    total: Counter = Counter()
    for plan in plans:
        path = out_dir / plan.publication / plan.date / f"{plan.page}.txt"
        total += agreement(plan, parse_page_bytes(path.read_bytes(), path=str(path), with_entities=False))
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--legacy-share", type=float, default=0.02, help="share of files in CP949 and/or CRLF")
    parser.add_argument("--start", type=date.fromisoformat, default=START, help="first publication day")
    parser.add_argument(
        "--wrapped-share", type=float, default=WRAPPED_SHARE, help="share of pages printed line by line (pdftotext)"
    )
    parser.add_argument("--check", type=int, default=0, metavar="K", help="read the first K pages with the reader")
    args = parser.parse_args(argv)
    summary = generate_corpus(
        args.out_dir,
        args.pages,
        args.seed,
        legacy_share=args.legacy_share,
        start=args.start,
        keep_plans=args.check,
        wrapped_share=args.wrapped_share,
    )
    print(summary.line())
    if args.check:
        total = check(args.out_dir, summary.plans)
        figures = ", ".join(f"{k} {v:.1%}" for k, v in ratios(total).items())
        print(f"reader on {total['pages']} pages: {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
