"""The pieces a sample page is made of, as data: each knows its printed lines and its gold reading.

Body text is written once, in a triple-quoted string, one paragraph per block
(blank line between blocks). Inside a paragraph ``¦`` marks where a column
ends: ``방¦향을`` is a word cut in two, ``경제 ¦발전`` a cut between two words.
A block may instead be a directive:

``@ref 4,5 〈관련기사 4·5면〉``  a cross-reference line pointing at pages 4 and 5;
``@cont 3 〈3면에 계속〉``     the line that sends the rest of the article to page 3.

The printed page shows the cut halves as two lines and the directives as
written; the gold shows the paragraph whole and keeps the directive only as
``cross_refs`` / ``continues_on``.

What a careful reader lists for an article is written beside its text, as keyword
arguments of the piece (see ``Ents``): ``people={"정태윤": "광주시장"}`` (name ->
title written beside it, or None), ``org_loc=[...]`` (organisations and places),
``coref={"정 시장": "정태윤"}``, ``aliases={"AI사업단": "인공지능산업융합사업단"}``,
``optional_persons=[...]``; and beside each page ``dates={"4일": "2024-03-04"}``
(every day of the month its bodies write, resolved). Generating a gold checks that
each of them occurs in the text, so data and page cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

CUT = "¦"
_SENTENCE_END = re.compile(r"""[.?!…]["'”’」』)]*$""")
_OUTER_PUNCT = "\"'“”‘’(),."
# A mark that must be written as a directive, never left in a paragraph (so the gold cannot keep it by mistake).
_MARK = re.compile(r"관련\s*기사|\d\s*면에\s*계속|면에서\s*계속")


# --- bylines ---------------------------------------------------------------------------------------------------------
@dataclass
class By:
    """A reporter's byline: ``/목포=김민수·최은지 기자 minsu@x``."""

    names: str  # one name, or several joined by "·"
    email: str | None = None
    role: str = "기자"
    dateline: str | None = None  # "목포" in "/목포=김민수 기자"
    credit: str | None = None  # "글·사진" in "/글·사진=김민수 기자"
    slash: bool = True

    @property
    def name_list(self) -> list[str]:
        return self.names.split("·")

    def line(self) -> str:
        text = "/" if self.slash else ""
        text += f"{self.dateline}=" if self.dateline else ""
        text += f"{self.credit}=" if self.credit else ""
        text += f"{self.names} {self.role}"
        return text + (f" {self.email}" if self.email else "")

    def gold(self) -> dict:
        g = {"name": self.name_list[0], "names": self.name_list, "role": self.role, "email": self.email}
        if self.dateline:
            g["dateline"] = self.dateline
        if self.credit:
            g["credit"] = self.credit
        return g


@dataclass
class Credit:
    """A credit without a person: ``/사진=광주시 제공``."""

    text: str

    def line(self) -> str:
        return f"/{self.text}"

    def gold(self) -> dict:
        return {"name": None, "names": [], "role": None, "email": None, "credit": self.text}


# --- body text -------------------------------------------------------------------------------------------------------
@dataclass
class Body:
    """A body string read into printed lines, gold paragraphs, cross-references and repairs."""

    printed: list[str]  # the body's lines as printed (cut halves separate, directives as written)
    paragraphs: list[str]  # the gold paragraphs
    cross_refs: list[int]
    continues_on: int | None
    repairs: list[str]


def read_body(text: str, lead: str = "") -> Body:
    """``lead`` is printed in front of the first paragraph (a wire opening, an inline continuation mark)."""
    printed: list[str] = []
    paragraphs: list[str] = []
    cuts: list[tuple[int, int]] = []  # (paragraph index, offset of the cut in the gold paragraph)
    refs: list[int] = []
    continues_on = None
    for block in (b.strip() for b in text.strip().split("\n\n")):
        if block.startswith("@ref "):
            _, pages, shown = block.split(" ", 2)
            refs.extend(int(p) for p in pages.split(","))
            printed.append(shown)
            continue
        if block.startswith("@cont "):
            _, page, shown = block.split(" ", 2)
            continues_on = int(page)
            printed.append(shown)
            continue
        assert "\n" not in block, f"one paragraph per block: {block[:40]}"
        assert not _MARK.search(block), f"a cross-reference or continuation mark in a paragraph: {block[:40]}"
        halves = block.split(CUT)
        for half in halves[:-1]:
            assert half.strip() and not _SENTENCE_END.search(half.rstrip()), f"a cut after a sentence end: {half[-30:]}"
        gold, offset = "", []
        for half in halves:
            if gold:
                offset.append(len(gold))
            gold += half
        assert all(h.strip() for h in halves), f"empty half of a cut: {block[:40]}"
        lines = [h.strip() for h in halves]
        if lead and not paragraphs:
            lines[0] = lead + lines[0]
        printed.extend(lines)
        cuts.extend((len(paragraphs), o) for o in offset)
        paragraphs.append(gold)
    whole = "\n\n".join(paragraphs)
    repairs = [_repair_span(paragraphs[p], o, whole) for p, o in cuts]
    return Body(printed, paragraphs, sorted(set(refs)), continues_on, repairs)


def _repair_span(par: str, cut: int, whole: str) -> str:
    """The shortest run of whole words around the cut that occurs once in the body: what a repair must restore."""
    starts = [m.start() for m in re.finditer(r"\S+", par)]
    ends = [m.end() for m in re.finditer(r"\S+", par)]
    words = [par[s:e] for s, e in zip(starts, ends, strict=True)]
    between = par[cut - 1] == " " or par[cut] == " "
    if between:
        j = next(k for k, s in enumerate(starts) if s >= cut)
        i = j - 1
    else:
        i = j = next(k for k, (s, e) in enumerate(zip(starts, ends, strict=True)) if s < cut < e)
    while True:
        span = " ".join(words[i : j + 1]).strip(_OUTER_PUNCT)
        if whole.count(span) == 1 or (i == 0 and j == len(words) - 1):
            return span
        if j + 1 < len(words):
            j += 1
        else:
            i -= 1


# --- entities --------------------------------------------------------------------------------------------------------
# Other accepted forms of a name an article lists under ORG_OR_LOC (the gold's "canonical_forms"): the long official
# form, the short form and, for Gwangju's districts, the district with its city. A city or county's official form
# names its province too (전라남도 나주시), as the gazetteer's canonical names do. A page's gold carries the entries of
# the names it lists. The districts 동구/서구/남구/북구/광산구 are Gwangju's on every sample page.
_GWANGJU_DISTRICTS = {d: [d, f"광주 {d}", f"광주광역시 {d}"] for d in ("동구", "서구", "남구", "북구", "광산구")}
_CITIES_AND_COUNTIES = {
    f"{short}{unit}": [f"{short}{unit}", short, f"{province} {short}{unit}"]
    for province, unit, shorts in [
        ("전라남도", "시", ["나주", "목포", "순천", "여수", "광양"]),
        (
            "전라남도",
            "군",
            ["신안", "영광", "진도", "완도", "해남", "고흥", "보성", "구례", "담양", "강진", "장흥", "영암", "무안"],
        ),
        ("경상북도", "군", ["예천"]),
        ("경상남도", "군", ["합천"]),
        ("충청남도", "군", ["예산"]),
        ("강원특별자치도", "군", ["양구"]),
    ]
    for short in shorts
}
CANONICAL_FORMS: dict[str, list[str]] = {
    "광주시": ["광주광역시", "광주시"],
    "광주": ["광주", "광주광역시", "광주시"],
    "전남도": ["전라남도", "전남도", "전남"],
    "전남": ["전남", "전라남도", "전남도"],
    "서울": ["서울", "서울특별시", "서울시"],
    "경북": ["경북", "경상북도"],
    "경남": ["경남", "경상남도"],
    "충남": ["충남", "충청남도"],
    "강원": ["강원", "강원특별자치도", "강원도"],
    **_GWANGJU_DISTRICTS,
    **_CITIES_AND_COUNTIES,
    **{long[:-1]: [long[:-1], long, forms[2]] for long, forms in _CITIES_AND_COUNTIES.items()},
    "대한민국": ["대한민국", "한국"],
    "광주시청": ["광주시청", "광주광역시청"],
    "광주시의회": ["광주시의회", "광주광역시의회"],
    "광주시교육청": ["광주시교육청", "광주광역시교육청"],
    "광주시체육회": ["광주시체육회", "광주광역시체육회"],
    "광주시 보건환경연구원": ["광주시 보건환경연구원", "광주광역시 보건환경연구원", "보건환경연구원"],
    "광주·전남 상생발전협의회": ["광주·전남 상생발전협의회", "상생발전협의회"],
    "남구청": ["남구청", "광주 남구청", "광주광역시 남구청"],
    "서부소방서": ["서부소방서", "광주 서부소방서", "광주서부소방서"],
    "전남도의회": ["전남도의회", "전라남도의회"],
    "전남도교육청": ["전남도교육청", "전라남도교육청", "전남교육청"],
    "도교육청": ["도교육청", "전남도교육청", "전라남도교육청", "전남교육청"],
    "전남체육회": ["전남체육회", "전라남도체육회", "전남도체육회"],
    "감염병관리지원단": ["감염병관리지원단", "전남도 감염병관리지원단", "전라남도 감염병관리지원단"],
    "농업기술원": ["농업기술원", "전남도 농업기술원", "전라남도농업기술원"],
    "과학기술정보통신부": ["과학기술정보통신부", "과기정통부"],
    "산업통상자원부": ["산업통상자원부", "산업부"],
    "행정안전부": ["행정안전부", "행안부"],
    "농림축산식품부": ["농림축산식품부", "농식품부"],
    "해양수산부": ["해양수산부", "해수부"],
    "광주본부세관": ["광주본부세관", "광주세관"],
    "광주과학기술원": ["광주과학기술원", "GIST", "지스트"],
    "한국공항공사 무안지사": ["한국공항공사 무안지사", "한국공항공사"],
    "목포해양경찰서": ["목포해양경찰서", "목포해경"],
    "전남대": ["전남대", "전남대학교"],
    "목포대": ["목포대", "목포대학교", "국립목포대학교"],
    "순천대": ["순천대", "순천대학교", "국립순천대학교"],
    "광주체고": ["광주체고", "광주체육고등학교"],
    "광주중앙초": ["광주중앙초", "광주중앙초등학교"],
    "동명중": ["동명중", "동명중학교"],
    "빛고을고": ["빛고을고", "빛고을고등학교"],
    "영해고": ["영해고", "영해고등학교"],
    "남도매일": ["남도매일", "남도매일신문"],
    "하남산단": ["하남산단", "하남산업단지", "하남일반산업단지"],
    "첨단산단": ["첨단산단", "첨단산업단지", "광주첨단과학산업단지"],
    "평동산단": ["평동산단", "평동산업단지", "평동일반산업단지"],
    "여수국가산단": ["여수국가산단", "여수산단", "여수국가산업단지"],
    "여수산단": ["여수산단", "여수국가산단", "여수국가산업단지"],
    "대양산업단지": ["대양산업단지", "대양산단"],
    "월드컵경기장": ["월드컵경기장", "광주월드컵경기장"],
    "순천만국가정원": ["순천만국가정원", "순천만정원"],
    "진도 씻김굿 전승관": ["진도 씻김굿 전승관", "씻김굿 전승관"],
    "연안여객선터미널": ["연안여객선터미널", "목포연안여객선터미널", "목포항연안여객선터미널"],
    "목포 근대역사관": ["목포 근대역사관", "목포근대역사관", "근대역사관"],
    "영산강 하굿둑": ["영산강 하굿둑", "영산강하굿둑", "영산강"],
}


def accepted_forms(name: str) -> set[str]:
    """The forms under which a listed ORG_OR_LOC name counts as found (spaces aside, as the scorer compares)."""
    return {re.sub(r"\s+", "", f) for f in [name, *CANONICAL_FORMS.get(name, [])]}


@dataclass
class Ents:
    """What a careful reader lists for one article: every name, surface and form occurs in its body."""

    people: dict[str, str | None] = field(default_factory=dict)  # name -> the title written beside it, or None
    org_loc: list[str] = field(default_factory=list)  # organisations and places, one entry each, in a form written
    aliases: dict[str, str] = field(default_factory=dict)  # "X(이하 Y)" declares {"Y": "X"}
    coref: dict[str, str] = field(default_factory=dict)  # a later short reference ("정 시장") -> the listed person
    optional_persons: list[str] = field(default_factory=list)  # names a parser may report as persons or not

    def check(self, body: str, reporters: set[str], where: str) -> None:
        def occurs(s: str, what: str) -> None:
            assert isinstance(s, str) and s.strip() == s and s, f"{where}: {what} {s!r} is not a trimmed string"
            assert s in body, f"{where}: {what} {s!r} does not occur in the body"

        for name, title in self.people.items():
            occurs(_as_written(name, body), "person")
            assert name not in reporters, f"{where}: reporter {name!r} listed as a person (bylines are not listed)"
            assert title is None or (title.strip() == title and title), f"{where}: title {title!r} of {name!r}"
        for alias, target in self.aliases.items():
            occurs(alias, "alias")
            occurs(target, "entity of the alias")
        for surface, person in self.coref.items():
            occurs(surface, "coreference")
            assert person in self.people, f"{where}: {surface!r} refers to {person!r}, who is not a listed person"
        for name in self.optional_persons:
            occurs(name, "optional person")
            assert name not in self.people, f"{where}: {name!r} both listed and optional"
        assert len(set(self.org_loc)) == len(self.org_loc), f"{where}: an organisation or place listed twice"
        for name in self.org_loc:
            occurs(name, "organisation or place")
        for i, a in enumerate(self.org_loc):
            for b in self.org_loc[i + 1 :]:
                same = accepted_forms(a) & accepted_forms(b)
                assert not same, f"{where}: {a!r} and {b!r} are one entity (both accept {sorted(same)})"

    def gold(self) -> dict:
        g = {
            "PERSON": dict(self.people),
            "ORG_OR_LOC": list(self.org_loc),
            "aliases": dict(self.aliases),
            "coref": dict(self.coref),
        }
        if self.optional_persons:
            g["optional_persons"] = list(self.optional_persons)
        return g


def _as_written(name: str, body: str) -> str:
    """A person's name as the body writes it: an anonymised person (``A씨``) may be written with an age between the
    letter and the honorific (``A(48)씨``)."""
    anonymised = re.fullmatch(r"([A-Z]|[가-힣]{1,2}모)(씨|양|군)", name)
    if name in body or not anonymised:
        return name
    written = re.search(re.escape(anonymised[1]) + r"\s?\(\d{1,3}\)\s?" + anonymised[2], body)
    return written.group() if written else name


# A day of the month as a body writes it: "4일", "지난 2일", "오는 15일", "다음 달 14일", "5월 19일".
_DAY = re.compile(r"(?:(?:지난|오는|다음 달) )?(?:(?<!\d)\d{1,2}월 )?(?<!\d)\d{1,2}일")
_DAY_KEY = re.compile(r"(지난 |오는 |다음 달 )?(?:(\d{1,2})월 )?(\d{1,2})일(까지)?")


def check_dates(dates: dict[str, str], bodies: list[str], published: date, where: str) -> None:
    """Each resolved date is written in a body and agrees with its surface; each day written in a body is resolved."""
    for surface, iso in dates.items():
        d = date.fromisoformat(iso)
        assert any(surface in b for b in bodies), f"{where}: date {surface!r} does not occur in any body"
        m = _DAY_KEY.fullmatch(surface)
        assert m, f"{where}: {surface!r} is not a day-precision date"
        prefix, month, day = m[1], m[2], int(m[3])
        assert d.day == day and (month is None or d.month == int(month)), f"{where}: {surface!r} is not {iso}"
        assert abs((d - published).days) <= 366, f"{where}: {surface!r} -> {iso}, more than a year away"
        if prefix == "지난 ":
            assert d < published, f"{where}: {surface!r} -> {iso} is not before the publication date"
        elif prefix == "오는 ":
            assert d > published, f"{where}: {surface!r} -> {iso} is not after the publication date"
        elif prefix == "다음 달 ":
            assert (d.year * 12 + d.month) - (published.year * 12 + published.month) == 1, f"{where}: {surface!r}"
    for b in bodies:
        for m in _DAY.finditer(b):
            assert any(b.startswith(k, m.start()) for k in dates), (
                f"{where}: {m[0]!r} in {b[max(0, m.start() - 20) : m.end() + 20]!r} is not in resolved_dates"
            )


# --- pieces ----------------------------------------------------------------------------------------------------------
@dataclass
class Piece:
    kind: str
    headline: str | None = None
    subheadlines: list[str] = field(default_factory=list)
    label: str | None = None
    byline: By | Credit | None = None
    body: Body | None = None
    head_lines: list[str] = field(default_factory=list)  # printed before the body
    tail_lines: list[str] = field(default_factory=list)  # printed after the body
    byline_gold: dict | None = None
    continues_from: int | None = None
    ad_lines: list[str] = field(default_factory=list)
    ents: Ents = field(default_factory=Ents)

    def lines(self) -> list[str]:
        if self.kind == "ad":
            return list(self.ad_lines)
        return self.head_lines + (self.body.printed if self.body else []) + self.tail_lines

    def gold(self, ordinal: int) -> dict:
        g = {
            "ordinal": ordinal,
            "kind": self.kind,
            "headline": self.headline,
            "subheadlines": list(self.subheadlines),
            "label": self.label,
            "byline": self.byline_gold,
            "body": "\n\n".join(self.body.paragraphs) if self.body else None,
            "cross_refs": self.body.cross_refs if self.body else [],
        }
        if self.continues_from is not None:
            g["continues_from"] = self.continues_from
        if self.body and self.body.continues_on is not None:
            g["continues_on"] = self.body.continues_on
        g["column_break_repairs"] = self.body.repairs if self.body else []
        g["entities"] = self.ents.gold()
        return g


def news(
    headline: str,
    *subheadlines: str,
    body: str,
    by: By | Credit | None = None,
    wire: tuple[str, str] | None = None,
    **ents: Any,
) -> Piece:
    """A news article. ``wire=("무안", "연합뉴스")`` opens the body ``(무안=연합뉴스) 김민수 기자 =`` instead of a byline."""
    lead = ""
    gold = by.gold() if by else None
    if wire:
        place, agency = wire
        lead = f"({place}={agency}) " + (f"{by.names} {by.role} = " if by else "")
        gold = dict(gold or {"name": None, "names": [], "role": None, "email": None}, affiliation=agency)
    b = read_body(body, lead)
    tail = [by.line()] if by and not wire else []
    return Piece(
        "news", headline, list(subheadlines), None, by, b, [headline, *subheadlines], tail, gold, ents=Ents(**ents)
    )


def continuation(
    from_page: int, mark: str, body: str, by: By | None = None, inline: bool = False, **ents: Any
) -> Piece:
    """The rest of an article begun on ``from_page``: opens with ``mark`` on its own line or before the text."""
    b = read_body(body, f"{mark} " if inline else "")
    head = [] if inline else [mark]
    return Piece(
        "continuation",
        None,
        [],
        None,
        by,
        b,
        head,
        [by.line()] if by else [],
        by.gold() if by else None,
        continues_from=from_page,
        ents=Ents(**ents),
    )


def photo(title: str, caption: str, by: By | Credit, style: str = "inline", **ents: Any) -> Piece:
    """A photo's title and caption. style: ``inline`` (one line, credit at its end), ``lines`` (title, caption,
    credit on three lines), ``title-line`` (title, then caption with the credit at its end)."""
    if style == "inline":
        printed = [f"{title} {caption} {by.line()}"]
    elif style == "lines":
        printed = [title, caption, by.line()]
    else:
        printed = [title, f"{caption} {by.line()}"]
    body = Body([], [caption], [], None, [])
    return Piece("photo", title, [], None, by, body, printed, [], by.gold(), ents=Ents(**ents))


def editorial(headline: str, body: str, **ents: Any) -> Piece:
    b = read_body(body)
    return Piece("editorial", headline, [], "사설", None, b, [f"[사설] {headline}"], [], None, ents=Ents(**ents))


def column(
    label: str, headline: str, author: str, affiliation: str, body: str, layout: str = "top", **ents: Any
) -> Piece:
    """A signed column: the author's name letter-spaced on its own line, the affiliation beside it.
    layout: ``top`` (name, affiliation, then body), ``top-affil`` (affiliation, name, body),
    ``bottom`` (body, name, affiliation), ``bottom-affil`` (body, affiliation, name)."""
    spaced = " ".join(author)
    sig = [affiliation, spaced] if layout.endswith("affil") else [spaced, affiliation]
    head = [f"[{label}] {headline}"]
    b = read_body(body)
    gold = {"name": author, "names": [author], "role": None, "email": None, "affiliation": affiliation}
    if layout.startswith("top"):
        return Piece("column", headline, [], label, None, b, head + sig, [], gold, ents=Ents(**ents))
    return Piece("column", headline, [], label, None, b, head, sig, gold, ents=Ents(**ents))


def notice(label: str, title: str | None, *lines: str, **ents: Any) -> Piece:
    """``[인사]``, ``[부고]`` and the like: each line its own paragraph."""
    head = f"[{label}] {title}" if title else f"[{label}]"
    b = Body(list(lines), list(lines), [], None, [])
    return Piece("notice", title or label, [], label, None, b, [head], [], None, ents=Ents(**ents))


def ad(*lines: str) -> Piece:
    return Piece("ad", ad_lines=list(lines))


ENTITY_NOTE = (
    "entities: PERSON maps each person named in the body to the title written beside the name (null where none; "
    "an anonymised person, A(48)씨, is listed as A씨; "
    "reporters in bylines are not listed). ORG_OR_LOC lists the organisations and places that must be found, one "
    "entry per entity, in a form written in the body; canonical_forms gives the other forms that count. aliases: "
    "alias declared in the text -> entity it names. coref: a later short reference -> the person it means. "
    "resolved_dates: each day of the month written in a body -> its date, given the publication date."
)


# --- pages -----------------------------------------------------------------------------------------------------------
PAPERS = {
    "bitgoeul": {"name": "빛고을신문", "domain": "bitgoeul.example.kr", "phone": "062-123-4567", "first_issue": 8122},
    "namdo": {"name": "남도매일신문", "domain": "namdomaeil.example.kr", "phone": "061-755-2200", "first_issue": 5310},
    "seohae": {"name": "서해일보", "domain": "seohae.example.kr", "phone": "061-242-0700", "first_issue": 3401},
}
FIRST_DAY = date(2024, 3, 4)  # the issue number printed on this Monday is "first_issue"; one issue a weekday
WEEKDAYS = "월화수목금토일"


@dataclass
class Page:
    """One printed page. head/foot name how its furniture is printed (None: not at all)."""

    publication: str
    date: str
    page: int
    section: str
    pieces: list[Piece]
    head: str | None = "line"  # line | split | dot
    foot: str | None = None  # web | web-one-line | dash
    loose: bool = False  # extra blank lines between pieces, as some PDF exports leave
    dates: dict[str, str] = field(default_factory=dict)  # resolved_dates: day written in a body -> YYYY-MM-DD

    @property
    def day(self) -> date:
        return date.fromisoformat(self.date)

    @property
    def issue(self) -> int:
        d, n = FIRST_DAY, PAPERS[self.publication]["first_issue"]
        while d < self.day:
            d += timedelta(days=1)
            n += d.weekday() < 5
        return n

    def furniture(self) -> tuple[list[str], list[str], set[str], list[str]]:
        """(lines above, lines below, what they state: {"date", "page"}, strings that belong to no article)."""
        paper = PAPERS[self.publication]
        d, wd, n = self.day, WEEKDAYS[self.day.weekday()], self.page
        korean_date = f"{d.year}년 {d.month}월 {d.day}일"
        top: list[str] = []
        bottom: list[str] = []
        states: set[str] = set()
        banned: list[str] = []
        if self.head == "line":
            top = [f"{korean_date} {wd}요일 제{self.issue}호 {paper['name']} {n}면 {self.section}"]
            states |= {"date", "page"}
            banned += [korean_date, f"제{self.issue}호", paper["name"]]
        elif self.head == "split":
            issue = f"{self.issue:,}"
            top = [self.section, str(n), paper["name"], f"{korean_date} ({wd}) 제{issue}호"]
            states |= {"date", "page"}
            banned += [korean_date, f"제{issue}호", paper["name"]]
        elif self.head == "dot":
            dotted = f"{d.year}.{d.month:02d}.{d.day:02d}"
            top = [f"{paper['name']} {dotted}({wd}) {self.section} {n}면"]
            states |= {"date", "page"}
            banned += [dotted, paper["name"]]
        if self.foot == "web":
            bottom = [f"www.{paper['domain']}", f"구독문의 {paper['phone']}"]
            banned += [f"www.{paper['domain']}", "구독문의"]
        elif self.foot == "web-one-line":
            bottom = [f"www.{paper['domain']}  구독문의 {paper['phone']}"]
            banned += [f"www.{paper['domain']}", "구독문의"]
        elif self.foot == "dash":
            bottom = [f"- {n} -"]
            states.add("page")
        return top, bottom, states, banned

    def text(self) -> str:
        top, bottom, _, _ = self.furniture()
        gap = "\n\n\n\n" if self.loose else "\n\n"
        chunks = ["\n\n".join(top)] if top else []
        chunks += ["\n\n".join(p.lines()) for p in self.pieces]
        if bottom:
            chunks.append("\n\n".join(bottom))
        return gap.join(chunks) + "\n"

    @property
    def relpath(self) -> str:
        return f"inbox/{self.publication}/{self.date}/{self.page}.txt"

    def gold(self, source: str | None = None) -> dict:
        _, _, states, banned = self.furniture()
        articles = [p.gold(i) for i, p in enumerate(self.pieces, start=1)]
        article_text = " ".join(f"{a['headline'] or ''} {a['body'] or ''}" for a in articles if a["kind"] != "ad")
        for s in banned:
            assert s not in article_text, f"{self.relpath}: furniture string {s!r} also occurs in an article"
        assert 3 <= len(articles) <= 7, f"{self.relpath}: {len(articles)} pieces"
        reporters = {n for a in articles for n in (a["byline"] or {}).get("names") or []}
        for i, (piece, a) in enumerate(zip(self.pieces, articles, strict=True), start=1):
            piece.ents.check(a["body"] or "", reporters, f"{self.relpath} piece {i}")
        bodies = [a["body"] for a in articles if a["kind"] != "ad" and a["body"]]
        check_dates(self.dates, bodies, self.day, self.relpath)
        canonical = {
            name: CANONICAL_FORMS[name] for p in self.pieces for name in p.ents.org_loc if name in CANONICAL_FORMS
        }
        g = {
            "source": source or self.relpath,
            "manifest": {"publication": self.publication, "date": self.date, "page": self.page},
            "note": "Written for sinmun (fictional). Generated by samples/make_samples.py: do not edit by hand. "
            + ENTITY_NOTE,
        }
        if states >= {"date", "page"}:
            g["expect_inferred"] = {"publication_date": self.date, "page": self.page}
        g["not_in_any_article"] = banned
        g["canonical_forms"] = canonical
        g["resolved_dates"] = dict(self.dates)
        g["articles"] = articles
        return g
