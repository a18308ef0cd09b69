"""Dates in Korean news text, resolved against the page's publication date.

``find_dates(text, published)`` returns every date mention, sorted, non-overlapping, with exact
offsets (``text[m.start:m.end] == m.text``). Pure: no I/O, stdlib ``re`` only.

Forms found (precision in brackets):

- absolute: ``2023년 5월 25일`` [day], ``2023년 5월`` [month], ``2023년`` [year, 1800-2199 only, so
  ``1000년 역사`` is no year], ``2023.5.25`` / ``2023-05-25`` / ``2023/5/25`` / ``2023. 5. 25.`` [day]
  (the final dot belongs to the date only in the spaced ``2023. 5. 25.`` style), ``80년 5월`` [month,
  a two-digit year only when a month follows]. Absolute dates resolve even when ``published`` is None.
- month and day: ``6월 28일``, ``지난 3월 2일``, ``오는 9월 30일`` [day]; ``6월``, ``지난 3월`` [month].
  Months outside 1-12 are no month (``13월의 월급``).
- year words: ``올해``/``금년``, ``지난해``/``작년``, ``재작년``, ``내년`` [year], with a month
  (``지난해 9월``) [month] and a day (``내년 3월 2일``) [day].
- month words: ``이달``/``이번 달``, ``다음달``/``다음 달``/``내달``, ``지난달``/``지난 달`` [month],
  with a day (``지난달 28일``) [day].
- day alone: ``21일``, ``지난 17일``, ``오는 9일`` [day]; days outside 1-31 are no day.
- day words: ``그제``/``그저께``, ``어제``, ``오늘``, ``내일`` [day]; ``오늘`` is the publication date.
- ranges: ``5월 25일~29일``, ``5월 30일~6월 2일``, ``2023.5.25^목 ~ 5.29^월`` and ``오는 25~29일``,
  ``3~4월``: each end is its own mention; the second end takes the year and month it lacks from the
  first, and rolls forward a month (or year) if that would put it before the first.

Resolution against ``published`` (P):

- day alone, no marker: P's month if day <= P.day + 3, else the month before (news reports the past:
  published 2023-05-22, ``21일`` is 05-21 and ``28일`` is 04-28). The 3-day grace covers a page
  dated a little before the event it announces; a later day needs ``오는``.
- ``지난 D일``: P's month if D <= P.day, else the month before. ``오는 D일``: P's month if D >= P.day,
  else the month after. When the day does not exist in that month (``지난 31일`` in a month after a
  30-day one) the search goes on in the same direction to the nearest month that has it.
- month without a year: ``지난`` picks the latest such month (day) not after P, ``오는`` the earliest
  not before P; with no marker P's year, unless that lands more than 9 months away from P, then the
  adjacent year (``12월 28일`` in a January paper is last December).
- two-digit years: 20YY when YY <= P's year % 100 + 5, else 19YY.
- anything relative with ``published=None`` has ``date=None`` but is still a mention with a precision.
- a day that does not exist (``2월 30일``) is still a mention, with ``date=None``.
- month precision resolves to the 1st of the month, year precision to January 1st.

Not dates: durations (``3일간``, ``3일 동안``, ``10일 만에``, ``3일째``, ``20일치``, ``3일분``, ``2일씩``,
``1일차``, ``주5일제``, ``5일장``, ``5년간``, ``3개월``), ``N~M일`` without a month or ``지난``/``오는``
(``2~3일`` is usually a duration; both ends are dropped), ``3·1절``-style holiday names, ordinals
(``제2회``, ``제5일``), numbers glued to letters, digits or separators (phone numbers, decimals),
``오늘날``, ``그제야``/``그제서야``, ``내달리다``. Times are never part of a date (``23일 오전 10시``
is ``23일``). Known gap: ``1일 평균`` is read as a date.
"""

from __future__ import annotations

import calendar
import datetime
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

Date = datetime.date


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    date: Date | None
    precision: str  # "day" | "month" | "year"

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "date": self.date.isoformat() if self.date else None,
            "precision": self.precision,
            "start": self.start,
            "end": self.end,
        }


# --- patterns ------------------------------------------------------------------------------------------------

# A number that starts a date must not continue a number, a word in Latin letters, a separator, or "제" (ordinal).
_NB = r"(?<![0-9A-Za-z.,·:/\-제])"
_NOT_AFTER_HANGUL = r"(?<![가-힣])"
_MARKS = ("지난", "오는")
_MARK = rf"(?:{_NOT_AFTER_HANGUL}(?P<mk>{'|'.join(_MARKS)})[ ]+)?"
_TILDE = r"[~∼〜～]"

_YEAR_END = r"(?!간|째|[ ]?(?:동안|만에))"
_MONTH_END = r"(?!간|째|[ ]?(?:동안|만에))"
_DAY_END = r"(?!간|치|째|분|씩|제|장|차|[ ]?(?:동안|만에|이내))"

_Y4 = r"(?P<y>(?:1[89]|2[01])\d{2})"
_YEAR_WORDS = {"재작년": -2, "지난해": -1, "작년": -1, "올해": 0, "금년": 0, "내년": 1}
_DAY_WORDS = {"그저께": -2, "그제": -2, "어제": -1, "오늘": 0, "내일": 1}
_MONTH_WORD_STARTS = ("이번", "다음", "지난", "이달", "내달")  # how each month word of _MW begins
_YW = rf"(?P<yw>{'|'.join(_YEAR_WORDS)})"
_MW = r"(?P<mw>이번[ ]?달|다음[ ]?달|지난[ ]?달|이달|내달(?!리|려|렸))"
_MN = rf"{_NB}(?P<m>\d{{1,2}})월{_MONTH_END}"
_DN = rf"{_NB}(?P<d>\d{{1,2}})일{_DAY_END}"
_MD_TAIL = rf"(?:[ ]?{_MN}(?:[ ]?{_DN})?)?"

# Each pattern yields some of the groups mk, y, y2, yw, m, mw, d, dw (one-end forms) or
# d1/d2, m1/m2 (two-end ranges). Python's re forbids repeated group names, hence one regex per form.
_SINGLE_PATTERNS = [
    re.compile(rf"{_MARK}{_NB}{_Y4}년{_YEAR_END}{_MD_TAIL}"),
    re.compile(rf"{_MARK}{_NB}(?P<y2>\d{{2}})년[ ]?{_MN}(?:[ ]?{_DN})?"),
    re.compile(rf"{_NOT_AFTER_HANGUL}{_YW}{_MD_TAIL}"),
    re.compile(rf"{_MARK}{_MN}(?:[ ]?{_DN})?"),
    re.compile(rf"{_NOT_AFTER_HANGUL}{_MW}(?:[ ]?{_DN})?"),
    re.compile(rf"{_MARK}{_DN}"),
    re.compile(rf"{_NOT_AFTER_HANGUL}(?P<dw>{'|'.join(_DAY_WORDS)})(?!날|야|서야)"),
]
_NUMERIC = re.compile(
    rf"(?<![0-9A-Za-z.\-/]){_Y4}(?P<sep>[.\-/])(?P<sp>[ ]?)(?P<m>\d{{1,2}})(?P=sep)[ ]?(?P<d>\d{{1,2}})(?!\d|\.\d)"
)
# "~ 5.29" or "~29" after a numeric date: only kept when it follows one.
_NUMERIC_CONT = re.compile(
    rf"(?:(?<={_TILDE})|(?<={_TILDE} ))(?:(?P<m>\d{{1,2}})\.[ ]?)?(?P<d>\d{{1,2}})(?![0-9가-힣]|\.\d)"
)
_RANGE_PREFIX = rf"{_MARK}(?:{_NB}{_Y4}년[ ]?|{_NOT_AFTER_HANGUL}{_YW}[ ]?)?"
_DAY_RANGE = re.compile(
    rf"{_RANGE_PREFIX}(?:{_NB}(?P<m>\d{{1,2}})월[ ]?|{_NOT_AFTER_HANGUL}{_MW}[ ]?)?"
    rf"{_NB}(?P<d1>\d{{1,2}})[ ]?{_TILDE}[ ]?(?P<d2>\d{{1,2}})일{_DAY_END}"
)
_MONTH_RANGE = re.compile(rf"{_RANGE_PREFIX}{_NB}(?P<m1>\d{{1,2}})[ ]?{_TILDE}[ ]?(?P<m2>\d{{1,2}})월{_MONTH_END}")
# What may stand between the two ends of a range: a weekday note, then a tilde.
_RANGE_GAP = re.compile(rf"[ ]?(?:\^[월화수목금토일]|\([월화수목금토일]\))?[ ]?{_TILDE}[ ]?")
_TILDE_BEFORE = re.compile(rf"{_TILDE}[ ]?$")  # searched in the 3 characters before a day ("~ \n21일" included)

# Where a date can start: the first character every pattern above consumes is a digit or the first of a marker,
# a year word, a month word or a day word (their lookbehinds read the text before that place). Each pattern is
# tried only at these places (``_matches``) instead of at every character: eleven scans of a long text cost most
# of the time its dates took (a 2 MB page: 0.45 of 0.54 CPU s). A text with none of them has no date.
_STARTS = re.compile("(?=" + "|".join([r"\d", *_MARKS, *_YEAR_WORDS, *_MONTH_WORD_STARTS, *_DAY_WORDS]) + ")")


def _matches(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, trying the pattern only at ``starts`` (ascending; every place a
    match of it can begin): the leftmost match at or after the end of the last one, and so on."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            end = match.end()
            yield match


_DAY_GRACE = 3  # a bare day up to this many days after publication is still this month
_NEAREST_MONTHS = 9  # a month/day without year or marker further than this from P is in the adjacent year


def _month_word_offset(word: str) -> int:
    word = word.replace(" ", "")
    if word in ("이달", "이번달"):
        return 0
    if word in ("다음달", "내달"):
        return 1
    return -1  # 지난달


# --- candidates ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Part:
    """One date as written: the components present (others None), and where it sits."""

    start: int
    end: int
    mk: str | None = None
    y: int | None = None
    y2: int | None = None
    yw: str | None = None
    m: int | None = None
    mw: str | None = None
    d: int | None = None
    dw: str | None = None
    needs_link: bool = False  # only a date when it is the second end of a range
    linked: bool = False  # set once known to be the second end of a range

    @property
    def precision(self) -> str:
        if self.d is not None or self.dw:
            return "day"
        if self.m is not None or self.mw:
            return "month"
        return "year"


def _int(groups: dict, name: str) -> int | None:
    value = groups.get(name)
    return int(value) if value else None


def _valid_ranges(part: _Part) -> bool:
    return (part.m is None or 1 <= part.m <= 12) and (part.d is None or 1 <= part.d <= 31)


def _single_candidates(text: str, starts: Sequence[int]) -> list[list[_Part]]:
    out = []
    for pattern in _SINGLE_PATTERNS:
        for match in _matches(pattern, text, starts):
            g = match.groupdict()
            part = _Part(
                match.start(),
                match.end(),
                mk=g.get("mk"),
                y=_int(g, "y"),
                y2=_int(g, "y2"),
                yw=g.get("yw"),
                m=_int(g, "m"),
                mw=g.get("mw"),
                d=_int(g, "d"),
                dw=g.get("dw"),
            )
            if not _valid_ranges(part):
                continue
            # A lone day right after "N~" (no month, no marker) is the end of a bare range like "2~3일".
            bare_day = part.d is not None and part.m is None and not part.mw and not part.mk and part.y is None
            if bare_day and _TILDE_BEFORE.search(text, max(0, part.start - 3), part.start):
                part = replace(part, needs_link=True)
            out.append([part])
    return out


def _numeric_candidates(text: str, starts: Sequence[int]) -> list[list[_Part]]:
    out = []
    for match in _matches(_NUMERIC, text, starts):
        end = match.end()
        # "2023. 5. 25." (dot-and-space style) owns its final dot.
        if match["sep"] == "." and match["sp"] and text[end : end + 1] == "." and not text[end + 1 : end + 2].isdigit():
            end += 1
        part = _Part(match.start(), end, y=int(match["y"]), m=int(match["m"]), d=int(match["d"]))
        if _valid_ranges(part):
            out.append([part])
    for match in _matches(_NUMERIC_CONT, text, starts):
        part = _Part(match.start(), match.end(), m=_int(match.groupdict(), "m"), d=int(match["d"]), needs_link=True)
        if _valid_ranges(part):
            out.append([part])
    return out


def _range_candidates(text: str, starts: Sequence[int]) -> list[list[_Part]]:
    out = []
    for match in _matches(_DAY_RANGE, text, starts):
        g = match.groupdict()
        if not (g.get("mk") or g.get("m") or g.get("mw")):
            continue  # "2~3일": a duration as often as a date
        first = _Part(
            match.start(),
            match.end("d1"),
            mk=g.get("mk"),
            y=_int(g, "y"),
            yw=g.get("yw"),
            m=_int(g, "m"),
            mw=g.get("mw"),
            d=int(g["d1"]),
        )
        second = _Part(match.start("d2"), match.end(), d=int(g["d2"]), linked=True)
        if _valid_ranges(first) and _valid_ranges(second):
            out.append([first, second])
    for match in _matches(_MONTH_RANGE, text, starts):
        g = match.groupdict()
        first = _Part(match.start(), match.end("m1"), mk=g.get("mk"), y=_int(g, "y"), yw=g.get("yw"), m=int(g["m1"]))
        second = _Part(match.start("m2"), match.end(), m=int(g["m2"]), linked=True)
        if _valid_ranges(first) and _valid_ranges(second):
            out.append([first, second])
    return out


def _select(text: str, candidates: list[list[_Part]]) -> list[_Part]:
    """Leftmost-longest, non-overlapping; a second end that needs a first end keeps only if it follows one."""
    candidates.sort(key=lambda parts: (parts[0].start, -(parts[-1].end - parts[0].start)))
    chosen: list[_Part] = []
    for parts in candidates:
        if chosen and parts[0].start < chosen[-1].end:
            continue
        head = parts[0]
        follows = bool(chosen) and _RANGE_GAP.fullmatch(text, chosen[-1].end, head.start) is not None
        if head.needs_link and not follows:
            continue
        if follows and not head.linked:
            head = replace(head, linked=True)
        chosen.extend([head, *parts[1:]])
    return chosen


# --- resolution ----------------------------------------------------------------------------------------------


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def _make(year: int, month: int, day: int) -> Date | None:
    if not (1 <= month <= 12) or not (1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return Date(year, month, day)


def _day_in_nearest_month(year: int, month: int, day: int, step: int) -> Date | None:
    """The first month from (year, month) going in direction ``step`` that has this day."""
    for _ in range(3):
        found = _make(year, month, day)
        if found:
            return found
        year, month = _add_months(year, month, step)
    return None


def _year_for_month(m: int, d: int | None, mk: str | None, p: Date) -> int:
    if mk == "지난":
        return p.year if (m, d or 1) <= (p.month, p.day) else p.year - 1
    if mk == "오는":
        if d is None:
            return p.year if m >= p.month else p.year + 1
        return p.year if (m, d) >= (p.month, p.day) else p.year + 1
    distance = (m - p.month) + ((d or 15) - p.day) / 31
    if distance > _NEAREST_MONTHS:
        return p.year - 1
    if distance < -_NEAREST_MONTHS:
        return p.year + 1
    return p.year


def _resolve(
    part: _Part, p: Date | None, context: tuple[int, int] | None
) -> tuple[Date | None, tuple[int, int] | None]:
    """The date, and the (year, month) it sits in (for the second end of a range)."""
    if part.dw:
        return (p + datetime.timedelta(days=_DAY_WORDS[part.dw]), (p.year, p.month)) if p else (None, None)

    year: int | None = None
    month: int | None = part.m
    if part.y is not None:
        year = part.y
    elif part.y2 is not None:
        if p is None:
            return None, None
        year = (2000 if part.y2 <= p.year % 100 + 5 else 1900) + part.y2
    elif part.yw:
        if p is None:
            return None, None
        year = p.year + _YEAR_WORDS[part.yw]
    elif part.mw:
        if p is None:
            return None, None
        year, month = _add_months(p.year, p.month, _month_word_offset(part.mw))
    elif part.linked and context:
        year = context[0]
        if month is None:
            month = context[1]
    elif month is not None:
        if p is None:
            return None, None
        year = _year_for_month(month, part.d, part.mk, p)
    elif part.d is not None:
        if p is None:
            return None, None
        if part.mk == "오는":
            start, step = ((p.year, p.month) if part.d >= p.day else _add_months(p.year, p.month, 1)), 1
        else:
            limit = p.day if part.mk == "지난" else p.day + _DAY_GRACE
            start, step = ((p.year, p.month) if part.d <= limit else _add_months(p.year, p.month, -1)), -1
        found = _day_in_nearest_month(*start, part.d, step)
        return found, ((found.year, found.month) if found else start)

    if year is None:
        return None, None
    if month is None:
        return Date(year, 1, 1), (year, 1)
    if part.d is None:
        return Date(year, month, 1), (year, month)
    return _make(year, month, part.d), (year, month)


def _roll_after(part: _Part, date: Date | None, first: Date | None) -> Date | None:
    """A second end that lacks a month (or year) and lands before the first end moves to the next one."""
    if date is None or first is None or date >= first:
        return date
    if part.m is None and part.y is None:
        year, month = _add_months(date.year, date.month, 1)
        return _make(year, month, date.day) if part.d is not None else Date(year, month, 1)
    if part.y is None:
        return _make(date.year + 1, date.month, date.day)
    return date


# After a bare day, words that put it ahead of the publication date (an event announced, a period that starts).
_FUTURE_AFTER = re.compile(r"[^.?!]{0,40}?(?:부터|까지|예정|계획|열린다|열릴|진행된다|개최한다|개최할|한다\.|할 방침)")
# Between the two ends of a span written with 부터/까지: "5월 2일부터 6일까지".
_SPAN_GAP = re.compile(r"\s*(?:부터|에서)\s*")
# Idioms, not dates: 어제오늘의 일이 아니다, 오늘내일하다, 오늘날.
_IDIOMS = re.compile(r"어제오늘|오늘내일|오늘날")


def _is_bare_day(part: _Part) -> bool:
    return part.d is not None and part.m is None and part.y is None and not (part.yw or part.mw or part.dw or part.mk)


def _inside(position: int, spans: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    """``position`` lies in one of ``spans`` (disjoint, in order; ``starts`` their starts): found by bisection, so
    a text with many of them costs no more than linear time."""
    k = bisect_right(starts, position) - 1
    return k >= 0 and position < spans[k][1]


def find_dates(text: str, published: Date | None) -> list[DateMention]:
    """Every date mention in ``text``, resolved against the publication date ``published``."""
    starts = [m.start() for m in _STARTS.finditer(text)]
    if not starts:
        return []
    candidates = _single_candidates(text, starts) + _numeric_candidates(text, starts) + _range_candidates(text, starts)
    idioms = [m.span() for m in _IDIOMS.finditer(text)]  # disjoint, in order
    idiom_starts = [start for start, _ in idioms]
    mentions: list[DateMention] = []
    previous: tuple[Date | None, tuple[int, int] | None] = (None, None)
    previous_end = -1
    for part in _select(text, candidates):
        if part.dw and _inside(part.start, idioms, idiom_starts):
            continue
        if _is_bare_day(part) and previous[1] and _SPAN_GAP.fullmatch(text[previous_end : part.start]):
            # The second end of a 부터...까지 span takes the first end's month.
            date = _roll_after(part, _make(*previous[1], part.d), previous[0])
            context = (date.year, date.month) if date else previous[1]
        elif _is_bare_day(part) and published and part.d > published.day and _FUTURE_AFTER.match(text, part.end):
            date, context = _resolve(replace(part, mk="오는"), published, None)
        else:
            date, context = _resolve(part, published, previous[1] if part.linked else None)
            if part.linked:
                date = _roll_after(part, date, previous[0])
        mentions.append(DateMention(text[part.start : part.end], part.start, part.end, date, part.precision))
        previous = (date, context)
        previous_end = part.end
    return mentions
