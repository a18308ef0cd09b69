"""Page furniture: header and footer lines that belong to the page, not to any article.

A furniture line is made only of furniture tokens (date, weekday, issue number,
page number, section label, the paper's name, its URL, its subscription phone)
and carries at least one strong one. What those lines say becomes the page's
metadata: publication, date, page and section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sinmun.pages.publications import publication_by_domain, publication_by_name

# fmt: off
SECTION_LABELS = (
    "종합", "사회", "정치", "경제", "문화", "스포츠", "체육", "오피니언", "여론", "지역", "국제", "전국", "교육", "특집", "기획", "생활",
    "건강", "연예", "방송", "사람들", "사람", "인물", "독자", "부동산", "금융", "산업", "과학", "의학", "환경", "농업", "레저", "여행",
    "전면광고", "광고", "광주", "전남", "해외", "지방자치", "자치", "행정", "의회", "사건", "법조", "노동", "복지", "IT", "스포츠종합",
    "문화종합", "경제종합", "사회종합",
)
# fmt: on

_DATE = r"(?P<y>(?:19|20)\d{2})\s*[년./-]\s*(?P<m>\d{1,2})\s*[월./-]\s*(?P<d>\d{1,2})\s*일?"
_WEEKDAY = r"\(?[월화수목금토일](?:요일)?\)?"
_TOKEN_PATTERNS = {
    # A masthead's page number, bare at one end of the line (``광주일보  2023년 5월 22일 월요일  19``, and its
    # even-page mirror ``18  2023년 5월 22일 월요일  광주일보``); it counts only beside a strong token.
    "edge_page": re.compile(r"^\s*(?P<edge_page>\d{1,3})(?=\s)|(?<=[^\d\s.,/년월-])\s+(?P<edge_page2>\d{1,3})\s*$"),
    "date": re.compile(_DATE + r"(?:\s*" + _WEEKDAY + r")?"),
    "lunar": re.compile(r"\(?음(?:력)?\s*\d{1,2}[.월]\s*\d{1,2}일?\)?"),
    "issue": re.compile(r"제\s*\d{1,3}(?:,?\d{3})*\s*호"),
    "page": re.compile(r"(?<![\d.])(?P<page>\d{1,3})\s*면(?![가-힣])|(?<![\w-])-\s*(?P<page2>\d{1,3})\s*-(?![\w-])"),
    "url": re.compile(
        r"(?:https?://)?(?:www\.)?(?P<domain>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:co\.kr|com|kr|net|or\.kr))/?",
        re.IGNORECASE,
    ),
    "phone": re.compile(
        r"(?:구독|독자|광고|배달)?\s*(?:문의|신청|센터|안내)?\s*[:：]?\s*(?:0\d{1,2}|1\d{3})[-)]\s*\d{3,4}(?:-\d{4})?"
    ),
    "paper": re.compile(r"(?P<paper>[가-힣]{2,6}(?:일보|신문|매일|타임스|경제))"),
    "section": re.compile(
        r"(?<![가-힣])(?P<section>"
        + "|".join(sorted(map(re.escape, SECTION_LABELS), key=len, reverse=True))
        + r")(?![가-힣])"
    ),
}
_SEPARATORS = re.compile(r"[\s|·•/<>〈〉()\[\]【】:：,\-–—=*]+")
_STRONG = {"date", "issue", "paper"}
# A quick refusal, exact: outside a paper's name (which may hold any syllable), a character that no token pattern
# can match and that is no separator stays in the line, so the line is not furniture. Most prose lines end here.
_PAPER_SUFFIX = re.compile(r"일보|신문|매일|타임스|경제")
_TOKEN_SYLLABLES = "".join(sorted({c for p in _TOKEN_PATTERNS.values() for c in p.pattern if "가" <= c <= "힣"}))
# IGNORECASE (the URL pattern) also matches ſ, K (Kelvin), İ and ı to Latin letters.
_NO_TOKEN_CHAR = re.compile(
    r"[^\s\dA-Za-z\u017f\u212a\u0130\u0131./:：(),|·•<>〈〉\[\]【】\-–—=*" + _TOKEN_SYLLABLES + "]"
)


@dataclass(frozen=True)
class PageFurniture:
    """What the furniture lines of a page say about it."""

    publication: str | None = None
    publication_date: date | None = None
    page: int | None = None
    section: str | None = None


def furniture_tokens(line: str) -> dict[str, list[re.Match]] | None:
    """The furniture tokens of ``line`` if the line is made of nothing else, else None."""
    if _NO_TOKEN_CHAR.search(line) and not _PAPER_SUFFIX.search(line):
        return None
    return _all_furniture_tokens(line)


def _all_furniture_tokens(line: str) -> dict[str, list[re.Match]] | None:
    """``furniture_tokens`` without its quick refusal."""
    found: dict[str, list[re.Match]] = {}
    rest = line
    for name, pattern in _TOKEN_PATTERNS.items():
        matches = list(pattern.finditer(rest))
        if not matches:
            continue
        found[name] = matches
        rest = pattern.sub(" ", rest)
    if _SEPARATORS.sub("", rest):
        return None
    return found or None


def is_furniture(line: str, near_page_edge: bool) -> bool:
    """Whether a whole line is page furniture; weak-only lines (a bare section label or URL) only at the edges."""
    tokens = furniture_tokens(line)
    if not tokens:
        return False
    if "edge_page" in tokens and not _STRONG & tokens.keys():
        return False
    if _STRONG & tokens.keys():
        if "paper" in tokens and len(tokens) == 1 and not near_page_edge:
            return publication_by_name(tokens["paper"][0]["paper"]) is not None
        return True
    if "page" in tokens and len(tokens) > 1:
        return True
    if "url" in tokens and any(publication_by_domain(m["domain"]) for m in tokens["url"]):
        return True
    return near_page_edge and ("section" in tokens or "page" in tokens or "phone" in tokens) and "url" not in tokens


def is_bare_page_number(line: str) -> bool:
    """A page number set apart on a header line of its own (``3``)."""
    return bool(re.fullmatch(r"\d{1,2}", line)) and 0 < int(line) <= 64


def read_furniture(lines: list[str]) -> PageFurniture:
    """Merge the metadata that the furniture lines carry (first value found wins)."""
    publication = page = section = None
    published = None
    for line in lines:
        if page is None and is_bare_page_number(line.strip()):
            page = int(line)  # a bare page number, set apart on a header line of its own
            continue
        tokens = furniture_tokens(line) or {}
        for m in tokens.get("date", []):
            if published is None:
                published = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        for m in tokens.get("page", []):
            if page is None:
                page = int(m["page"] or m["page2"])
        for m in tokens.get("edge_page", []):
            if page is None and _STRONG & tokens.keys():
                page = int(m["edge_page"] or m["edge_page2"])
        for m in tokens.get("section", []):
            section = section or m["section"]
        for m in tokens.get("paper", []):
            pub = publication_by_name(m["paper"])
            publication = publication or (pub.code if pub else None)
        for m in tokens.get("url", []):
            pub = publication_by_domain(m["domain"])
            publication = publication or (pub.code if pub else None)
    return PageFurniture(publication=publication, publication_date=published, page=page, section=section)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None
