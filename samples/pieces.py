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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

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
        g["entities"] = {"PERSON": {}, "ORG_OR_LOC": [], "aliases": {}}
        return g


def news(
    headline: str, *subheadlines: str, body: str, by: By | Credit | None = None, wire: tuple[str, str] | None = None
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
    return Piece("news", headline, list(subheadlines), None, by, b, [headline, *subheadlines], tail, gold)


def continuation(from_page: int, mark: str, body: str, by: By | None = None, inline: bool = False) -> Piece:
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
    )


def photo(title: str, caption: str, by: By | Credit, style: str = "inline") -> Piece:
    """A photo's title and caption. style: ``inline`` (one line, credit at its end), ``lines`` (title, caption,
    credit on three lines), ``title-line`` (title, then caption with the credit at its end)."""
    if style == "inline":
        printed = [f"{title} {caption} {by.line()}"]
    elif style == "lines":
        printed = [title, caption, by.line()]
    else:
        printed = [title, f"{caption} {by.line()}"]
    return Piece("photo", title, [], None, by, Body([], [caption], [], None, []), printed, [], by.gold())


def editorial(headline: str, body: str) -> Piece:
    return Piece("editorial", headline, [], "사설", None, read_body(body), [f"[사설] {headline}"], [], None)


def column(label: str, headline: str, author: str, affiliation: str, body: str, layout: str = "top") -> Piece:
    """A signed column: the author's name letter-spaced on its own line, the affiliation beside it.
    layout: ``top`` (name, affiliation, then body), ``top-affil`` (affiliation, name, body),
    ``bottom`` (body, name, affiliation), ``bottom-affil`` (body, affiliation, name)."""
    spaced = " ".join(author)
    sig = [affiliation, spaced] if layout.endswith("affil") else [spaced, affiliation]
    head = [f"[{label}] {headline}"]
    b = read_body(body)
    gold = {"name": author, "names": [author], "role": None, "email": None, "affiliation": affiliation}
    if layout.startswith("top"):
        return Piece("column", headline, [], label, None, b, head + sig, [], gold)
    return Piece("column", headline, [], label, None, b, head, sig, gold)


def notice(label: str, title: str | None, *lines: str) -> Piece:
    """``[인사]``, ``[부고]`` and the like: each line its own paragraph."""
    head = f"[{label}] {title}" if title else f"[{label}]"
    b = Body(list(lines), list(lines), [], None, [])
    return Piece("notice", title or label, [], label, None, b, [head], [], None)


def ad(*lines: str) -> Piece:
    return Piece("ad", ad_lines=list(lines))


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
        g = {
            "source": source or self.relpath,
            "manifest": {"publication": self.publication, "date": self.date, "page": self.page},
            "note": "Written for sinmun (fictional). Generated by samples/make_samples.py: do not edit by hand.",
        }
        if states >= {"date", "page"}:
            g["expect_inferred"] = {"publication_date": self.date, "page": self.page}
        g["not_in_any_article"] = banned
        g["resolved_dates"] = {}
        g["articles"] = articles
        return g
