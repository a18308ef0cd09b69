"""Bylines and credits: who wrote a piece or took its photo.

Forms recognised (each a line of its own, or the end of a caption line):
``/박진표 기자 lucky@kwangju.co.kr``, ``/김민수·최은지 기자``, ``/목포=김민수 기자``,
``/글·사진=김민수 기자``, ``/사진=광주시 제공``, ``김민수 기자 kim@x.co.kr``, ``◇김민수 기자 kim@x.co.kr``;
and wire-style openings of a body: ``(무안=연합뉴스) 김민수 기자 =``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ROLES = (
    "선임기자",
    "수습기자",
    "객원기자",
    "전문기자",
    "사진기자",
    "기자",
    "특파원",
    "통신원",
    "논설위원실장",
    "논설위원",
    "논설실장",
    "편집국장",
    "부국장",
    "에디터",
    "데스크",
    "명예기자",
    "시민기자",
    "인턴기자",
)
_ROLE = "|".join(ROLES)
_NAME = r"[가-힣]{2,4}"
_NAMES = rf"{_NAME}(?:\s*[·,ㆍ]\s*{_NAME})*"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_CREDIT_LABEL = r"(?:글\s*[·ㆍ]\s*사진|사진\s*[·ㆍ]\s*글|사진|글|그래픽|영상|정리|취재)"

_BYLINE_CORE = (
    rf"(?:(?!{_CREDIT_LABEL}\s*=)(?P<place>[가-힣]{{1,6}})\s*=\s*)?"
    rf"(?:(?P<credit>{_CREDIT_LABEL})\s*=\s*)?"
    rf"(?P<names>{_NAMES})\s*(?P<role>{_ROLE})"
    rf"(?:\s*(?P<email>{_EMAIL}))?"
)
_CREDIT_ONLY = rf"(?P<credit>{_CREDIT_LABEL})\s*=\s*(?P<source>[^/=]{{1,40}}?)"

# What may mark a byline's start: a slash, or a diamond (``◇김민수 기자``).
_BYLINE_MARK = r"[/◇◆]"
# A byline line: an optional mark, then the byline, nothing else.
_BYLINE_LINE = re.compile(rf"^{_BYLINE_MARK}?\s*{_BYLINE_CORE}\s*$")
_CREDIT_LINE = re.compile(rf"^/\s*{_CREDIT_ONLY}\s*$")
# A byline closing a caption or paragraph: text, then " /" (or " ◇") and the byline.
_TRAILING_BYLINE = re.compile(rf"^(?P<text>.*\S)\s*{_BYLINE_MARK}\s*{_BYLINE_CORE}\s*$")
_TRAILING_CREDIT = re.compile(rf"^(?P<text>.*\S)\s*/\s*{_CREDIT_ONLY}\s*$")
_WIRE_OPENING = re.compile(
    rf"^\((?P<place>[가-힣]{{1,8}})\s*=\s*(?P<agency>[가-힣A-Za-z0-9]{{2,10}})\)\s*"
    rf"(?:(?P<names>{_NAMES})\s*(?P<role>{_ROLE})\s*=\s*)?"
)


@dataclass
class Byline:
    name: str | None = None
    names: list[str] = field(default_factory=list)
    role: str | None = None
    email: str | None = None
    affiliation: str | None = None
    credit: str | None = None

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "names": list(self.names),
            "role": self.role,
            "email": self.email,
            "affiliation": self.affiliation,
            "credit": self.credit,
        }


def parse_byline_line(line: str) -> Byline | None:
    """A line that is only a byline or a photo credit, read; None if it is anything else."""
    m = _BYLINE_LINE.match(line)
    if m:
        return _byline_from_match(m)
    m = _CREDIT_LINE.match(line)
    if m:
        return Byline(credit=f"{m['credit']}={m['source'].strip()}")
    return None


def split_trailing_byline(line: str) -> tuple[str, Byline] | None:
    """``"caption text /김진수 기자 x@y"`` -> (caption text, byline); None when the line has no trailing byline."""
    m = _TRAILING_BYLINE.match(line)
    if m and not m["text"].endswith("="):
        return m["text"].rstrip(), _byline_from_match(m)
    m = _TRAILING_CREDIT.match(line)
    if m:
        return m["text"].rstrip(), Byline(credit=f"{m['credit']}={m['source'].strip()}")
    return None


def split_wire_opening(paragraph: str) -> tuple[str, Byline] | None:
    """``"(무안=연합뉴스) 김민수 기자 = 본문"`` -> ("본문", byline); None when the paragraph has no wire opening."""
    m = _WIRE_OPENING.match(paragraph)
    if not m:
        return None
    names = _split_names(m["names"]) if m["names"] else []
    byline = Byline(name=names[0] if names else None, names=names, role=m["role"], affiliation=m["agency"])
    return paragraph[m.end() :].lstrip(), byline


def _byline_from_match(m: re.Match) -> Byline:
    names = _split_names(m["names"])
    credit = m["credit"]
    return Byline(
        name=names[0], names=names, role=m["role"], email=m["email"], credit=credit.replace(" ", "") if credit else None
    )


def _split_names(names: str) -> list[str]:
    return [n.strip() for n in re.split(r"[·,ㆍ]", names) if n.strip()]


_LETTER_SPACED_NAME = re.compile(r"^(?:[가-힣]\s){1,4}[가-힣]$")


def letter_spaced_name(line: str) -> str | None:
    """A columnist's name set letter-spaced on its own line (``정 영 숙`` -> ``정영숙``)."""
    if _LETTER_SPACED_NAME.match(line.strip()):
        return line.replace(" ", "")
    return None
