"""Places named in Korean text: a gazetteer matcher, pure apart from loading its packaged data.

Data (``sinmun/data``): ``admin_divisions.csv`` (the 17 시도, their 시·군·구, the 일반구 of the
large cities; see ``admin_divisions.md``), ``named_places.csv`` (parks, rivers, mountains, venues,
industrial complexes, stations, islands, ...) and ``countries.csv`` (foreign countries and regions).

Codes: a 시도 is its ISO 3166-2:KR code (``KR-29`` 광주광역시); a 시·군·구 appends its name
(``KR-29-북구``); an 일반구 appends its name to its city's code (``KR-41-수원시-장안구``). A named
place is ``N-`` + its name (``N-중외공원``), a country ``C-`` + its ISO 3166-1 alpha-2 code
(``C-US``), a region without one ``C-`` + its name (``C-유럽``).

Canonical names: a 시도 by its full name (``광주광역시``); every 시·군·구 qualified by its 시도
(``전라남도 나주시``, ``광주광역시 북구``); an 일반구 by 시도 and city (``경기도 수원시 장안구``).

Matching rules:

1. Surface forms: the full name of every division, its short forms (``광주``/``광주시`` ->
   광주광역시, ``전남``/``전남도`` -> 전라남도, ``나주`` -> 전라남도 나주시), the names and
   aliases of named places and countries. All forms live in one trie-shaped regex built once; at
   each position the longest form whose right boundary is acceptable wins, and mentions never
   overlap.
2. Left boundary: a form starts the text, follows a character that is neither Hangul nor a digit, or
   directly follows the previous mention (``광주전남``, ``광주서구``). After a digit the syllables are a
   counter (``21구로``: 21 bodies), not a place.
3. Right boundary (administrative forms and countries): the end of the text, a non-Hangul
   character, a run of particles that makes up the whole rest of the word (``나주에서``,
   ``전남도는``, ``유럽과의``, see ``_TAILS``), a place suffix opening the rest of the word
   (``광주시민``, ``광주형``, ``무안군수``, ``미국산``, see ``_ADMIN_SUFFIXES`` and
   ``_COUNTRY_SUFFIXES``), or another surface form (``광주전남``). So ``광주일보``, ``광주은행``,
   ``광산업`` and ``고양이`` give nothing. Named places of four or more characters accept any
   right boundary (``중외공원일대``, ``영산강유역``); shorter ones need the boundary above
   (``일산화탄소`` is no place).
4. Risky short forms (``_RISKY``: short forms that are also common words, ``광산``, ``진도``,
   ``고성``, ``예산``, ``경기``, ``인도``, ...) count only when (a) a strong place suffix follows
   (``진도군민``, ``완도읍``, ``진도 앞바다``, ``인도 정부``) or, one space on, a venue that lies there
   (``무안 종합장례식장``, ``진도 실내체육관``: a word ending like a venue, ``suffix_places.VENUE_ENDINGS``),
   (b) their 시도 stands right before
   them (``전남 진도``, ``경기 광주``), or (c) they stand in a list with another place of their
   sort, joined by punctuation or ``및`` (``무안, 신안, 함평, 완도 등``, ``미국·인도``) or by
   ``와``/``과`` to a form that needs no help (``베트남과 인도``). Spaces alone make no list
   (``중국 경기 둔화``). ``진도가 나갔다`` and ``고성이 오갔다`` give nothing. Full names
   (``진도군``, ``광산구``) are never risky.
5. Qualified divisions: a division followed (after spaces only) by one of its own descendants is
   one mention of the descendant: ``광주 북구``, ``광주광역시 북구``, ``전남 나주시``,
   ``경기 수원시 장안구``.
6. Ambiguous names (``중구``, ``동구``, ``서구``, ``남구``, ``북구``, ``강서구``, ``고성``/``고성군``)
   resolve, in this order, by a qualifying parent (rule 5), by the 시도 of the nearest earlier
   mention in the same text that holds a candidate, then by ``context`` (canonical names,
   typically the 시도 the page is about); still ambiguous, they are not emitted. ``광주`` and
   ``광주시`` (also 경기도 광주시) mean 광주광역시 unless qualified (``경기 광주시``), the latest
   earlier mention is in 경기도, or ``context`` names 경기도 first; in a list with another 시도
   (``경기도와 광주·전남``) they stay 광주광역시.
7. Countries are separated by ``·``, ``,`` and the like: ``미국·일본·유럽과의`` -> 미국, 일본, 유럽.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from sinmun.entities import suffix_places


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    level: int  # 1 = 시도, 2 = 시군구, 3 = 일반구; 0 = country or region; 9 = named place
    parent_code: str | None
    kind: str  # "province" | "city_county_district" | "district" | "country" | "named_place"


@dataclass(frozen=True)
class PlaceMention:
    text: str
    start: int
    end: int
    place: Place


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Short forms that are also common words (or names of other things): see rule 4.
_RISKY = frozenset(
    _words(
        """
    경기
    구리 오산 용인 이천 화성 양주 고양 하남 광명 여주 원주 공주 경주 구미 상주 영주 진주 양산 사천 수지
    고성 양양 영동 보은 음성 부여 예산 완주 장수 영양 고령 성주 봉화 남해 함양 거창 정선 청도 강화 기장 달성
    강진 장성 영광 곡성 보성 무안 신안 함평 완도 진도 부안
    광산 수영 사상 연수 남동 유성 수성 동작 관악 영도
    인도 가나 수단 이란 오만 조지아 북미 피지 부탄
        """
    )
)

_KINDS = {1: "province", 2: "city_county_district", 3: "district"}
_ADMIN, _NAMED, _COUNTRY = "admin", "named", "country"

# Particles (and common two-particle sequences) that may make up the whole rest of a word.
_PARTICLES_1 = _words(
    "은 는 이 가 을 를 의 에 에서 서 로 으로 와 과 도 만 까지 부터 에게 께 한테 보다 처럼 같이 마저 조차 "
    "이나 나 랑 이랑 하고 엔 에선 으론 론 이며 며 이다 다 였다 이었다 인 이라 라 이라는 라는 이란 란 "
    "이지만 지만 뿐 밖에 대로 까진 부턴 에다 이든 든 이야 야 이요 요 에의 에서의 으로의 로의"
)
_PARTICLES_2 = ("", *_words("는 은 도 만 의 을 를 이 가 서 부터 까지 에 로 으로"))
_TAILS = frozenset(a + b for a in ["", *_PARTICLES_1] for b in _PARTICLES_2) - {""}

# Words that may follow any administrative form inside the same word (``광주시민``, ``광주형``).
_ADMIN_SUFFIXES = _words(
    """
    시민 도민 군민 구민 시내 시청 도청 군청 구청 시장 도지사 지사 군수 구청장 시정 도정 군정 구정
    시의회 도의회 군의회 구의회 시의원 도의원 군의원 구의원 시립 도립 군립 구립 시교육청 교육청 교육지원청 교육감
    경찰청 경찰서 소방 지법 지검 고법 지청 지역 지방 일대 일원 권역 권 출신 소재 쪽 방면 인근 근교 외곽 도심
    전역 곳곳 북부 남부 동부 서부 중부 읍 관내 현지 형 행 발 산 역 항 사람 시가지 앞바다 해역 연안 해상 상공 측
    """
)
# After a form that ends in 시/군/구/도 (``광주시청``, ``전남도민``, ``무안군수``, ``북구청장``).
_UNIT_SUFFIXES = _words("청 민 장 정 수 립 내 의회 의원")
_UNIT_ENDINGS = ("시", "군", "구", "도")
# What a risky short form needs after it (rule 4a), attached or after one space.
_STRONG_SUFFIXES = _words(
    """
    군민 군청 군수 군의회 군의원 시민 시청 시장 시의회 구민 구청 구청장 구의회 도민 지역 지역민 일대 일원
    출신 소재 관내 읍 읍내 앞바다 해역 해상 연안 전역 곳곳 특산 북부 남부 동부 서부
    """
)
_SPACED_STRONG = _words("일대 일원 앞바다 해역 해상 연안 군민 시민 구민 도민 관내 출신 북부 남부 동부 서부")
_COUNTRY_SUFFIXES = _words(
    """
    인 계 어 산 측 식 령 행 발 화 풍 판 군 내 정부 대사 대사관 영사관 총영사관 대통령 총리 국적 출신 현지 시장
    기업 경제 전역 국민 교민 동포 대표팀 증시 법인 공장 수출 수입 방문 순방 여행 유학 관광 진출 이민 연방 당국
    주재 의회 남부 북부 동부 서부 중부 국방부 외교부 국무부 중앙은행 내륙 전체 간
    """
)
_COUNTRY_STRONG = _words("인 산 정부 대사관 영사관 총영사관 대통령 총리 국적 출신 현지 국민 교민 대표팀")
_COUNTRY_SPACED_STRONG = _words("정부 대사관 영사관 총영사관 대통령 총리 국적 출신 현지 국민 교민 대표팀")
_NAMED_SUFFIXES = (*_ADMIN_SUFFIXES, *_words("변 안 상 주변 공원 앞 옆 입구 정상 둘레길 자락 기슭 대교 터널"))

# Between two members of a list (rule 4c): ``무안, 신안``, ``미국·인도``, ``무안과 신안``, ``▲진도 ▲신안``.
_LIST_GAP = re.compile(r"(?:와|과)?\s*(?:[,·ㆍ・/、▲△■□◆◇●○•]|및)?\s*")
_EXPLICIT_SEPARATOR = re.compile(r"[,·ㆍ・/、▲△■□◆◇●○•]|및")
_SPACES = re.compile(r"[ \t\u00a0\u3000]{0,3}")
_DOT_VARIANTS = ("·", "ㆍ", "・")


def _is_hangul(ch: str) -> bool:
    return "가" <= ch <= "힣"


@dataclass(frozen=True)
class _Surface:
    source: str  # _ADMIN | _NAMED | _COUNTRY
    places: tuple[Place, ...]
    risky: bool


@dataclass
class _Token:
    start: int
    end: int
    surface: _Surface
    places: tuple[Place, ...]
    status: str  # "ok" | "pending" (a risky form still waiting for rule 4b/4c)
    group: int = -1


class _Gazetteer:
    def __init__(self) -> None:
        self.by_code: dict[str, Place] = {}
        self.by_name: dict[str, Place] = {}
        forms: dict[str, list[tuple[str, Place]]] = {}

        def add(form: str, source: str, place: Place) -> None:
            forms.setdefault(form, [])
            if all(p != place for _, p in forms[form]):
                forms[form].append((source, place))

        rows = list(_rows("admin_divisions.csv"))
        bare: dict[str, str] = {r["code"]: r["name"] for r in rows}
        parent_of: dict[str, str | None] = {r["code"]: r["parent_code"] or None for r in rows}
        for r in rows:
            level = int(r["level"])
            names, code = [], r["code"]
            while code is not None:
                names.append(bare[code])
                code = parent_of[code]
            place = Place(r["code"], " ".join(reversed(names)), level, parent_of[r["code"]], _KINDS[level])
            self._register(place)
            add(r["name"], _ADMIN, place)
            for short in _split(r["short_names"]):
                add(short, _ADMIN, place)
        for r in _rows("named_places.csv"):
            place = Place("N-" + r["name"], r["name"], 9, r["parent_code"] or None, "named_place")
            self._register(place)
            for form in (r["name"], *_split(r["aliases"])):
                for variant in _dot_variants(form):
                    add(variant, _NAMED, place)
        for r in _rows("countries.csv"):
            place = Place("C-" + (r["iso2"] or r["name"]), r["name"], 0, None, "country")
            self._register(place)
            for form in (r["name"], *_split(r["aliases"])):
                add(form, _COUNTRY, place)

        self.surfaces: dict[str, _Surface] = {}
        for form, entries in forms.items():
            sources = {s for s, _ in entries}
            if len(sources) > 1:
                raise ValueError(f"surface form {form!r} is claimed by {sorted(sources)}")
            self.surfaces[form] = _Surface(entries[0][0], tuple(p for _, p in entries), form in _RISKY)
        trie = _trie_pattern(self.surfaces)
        first_chars = re.escape("".join(sorted({form[0] for form in self.surfaces})))
        # the look-ahead on first characters lets the regex engine skip ahead fast
        self.rx_start = re.compile(f"(?=[{first_chars}])(?<![가-힣0-9])" + trie)
        self.rx_here = re.compile(trie)
        # every form -> the forms that are prefixes of it, longest first (itself included)
        self.prefixes: dict[str, tuple[str, ...]] = {
            form: tuple(form[:k] for k in range(len(form), 0, -1) if form[:k] in self.surfaces)
            for form in self.surfaces
        }

    def _register(self, place: Place) -> None:
        if place.code in self.by_code:
            raise ValueError(f"duplicate place code {place.code!r}")
        self.by_code[place.code] = place
        self.by_name.setdefault(place.name, place)


def _rows(filename: str) -> Iterable[dict[str, str]]:
    with resources.files("sinmun.data").joinpath(filename).open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _dot_variants(form: str) -> set[str]:
    if not any(d in form for d in _DOT_VARIANTS):
        return {form}
    out = set()
    for d in _DOT_VARIANTS:
        variant = form
        for other in _DOT_VARIANTS:
            variant = variant.replace(other, d)
        out.add(variant)
    return out


def _trie_pattern(words: Iterable[str]) -> str:
    """One regex for many literal words, shaped like their trie; greedy, so the longest word wins."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@cache
def _gazetteer() -> _Gazetteer:
    return _Gazetteer()


def place_by_code(code: str) -> Place | None:
    return _gazetteer().by_code.get(code)


def place_by_name(name: str) -> Place | None:
    """The place with this canonical name (``광주광역시 북구``, ``중외공원``, ``미국``)."""
    return _gazetteer().by_name.get(name)


def place_of_form(form: str) -> Place | None:
    """The place a written form names when the gazetteer knows it and it names one place only (``광주``,
    ``나주시``, ``미국``); None for unknown or ambiguous forms (``북구``)."""
    surface = _gazetteer().surfaces.get(form)
    if surface is None or len(surface.places) != 1:
        return None
    return surface.places[0]


def places_of_form(form: str) -> tuple[Place, ...]:
    """Every place a written form may name (``광주``: 광주광역시 and 경기도 광주시); none for an unknown form."""
    surface = _gazetteer().surfaces.get(form)
    return surface.places if surface is not None else ()


def all_places() -> tuple[Place, ...]:
    return tuple(_gazetteer().by_code.values())


def all_surface_forms() -> frozenset[str]:
    """Every form the matcher knows, risky short forms included (``광주``, ``나주시``, ``진도``, ``미국``)."""
    return frozenset(_gazetteer().surfaces)


def ancestors(place: Place) -> list[Place]:
    """The parent chain, nearest first, up to the 시도: 광주광역시 북구 -> [광주광역시]."""
    return list(_chain(place.code, place.parent_code))


@cache
def _chain(code: str, parent_code: str | None) -> tuple[Place, ...]:
    out: list[Place] = []
    while parent_code is not None:
        parent = place_by_code(parent_code)
        if parent is None:
            break
        out.append(parent)
        parent_code = parent.parent_code
    return tuple(out)


def _ancestors(place: Place) -> tuple[Place, ...]:
    return _chain(place.code, place.parent_code)


def _sido(place: Place) -> Place | None:
    if place.level == 1:
        return place
    chain = _chain(place.code, place.parent_code)
    return chain[-1] if chain and chain[-1].level == 1 else None


def find_places(text: str, *, context: Sequence[str] = ()) -> list[PlaceMention]:
    """Place mentions in ``text``, in order, never overlapping (rules in the module docstring).

    ``context``: canonical names (or unambiguous forms) of places the page or article is known to
    be about, e.g. ``["광주광역시"]``; they settle ambiguous names like ``북구``.
    """
    gaz = _gazetteer()
    tokens = _merge_qualified(_scan(gaz, text), text)
    _group_lists(tokens, text)
    tokens = [t for t in tokens if t.status == "ok"]
    return _resolve(gaz, tokens, text, _context_places(gaz, context))


def _scan(gaz: _Gazetteer, text: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos, n = 0, len(text)
    while pos < n:
        m = gaz.rx_start.search(text, pos)
        if m is None:
            break
        token = _token_at(gaz, text, m.start(), m.group())
        if token is None:
            pos = m.start() + 1
            continue
        tokens.append(token)
        pos = token.end
        while pos < n and _is_hangul(text[pos]):  # rule 2: a form right after a mention
            nxt = _token_here(gaz, text, pos)
            if nxt is None:
                break
            tokens.append(nxt)
            pos = nxt.end
    return tokens


def _token_here(gaz: _Gazetteer, text: str, pos: int, depth: int = 0) -> _Token | None:
    m = gaz.rx_here.match(text, pos)
    return _token_at(gaz, text, pos, m.group(), depth) if m else None


def _token_at(gaz: _Gazetteer, text: str, start: int, longest: str, depth: int = 0) -> _Token | None:
    for form in gaz.prefixes[longest]:
        surface = gaz.surfaces[form]
        end = start + len(form)
        status = _right_boundary(gaz, text, end, form, surface, depth)
        if status is not None:
            return _Token(start, end, surface, surface.places, status)
    return None


_WORD_AFTER_A_SPACE = re.compile(r" ([가-힣]+)")


def _venue_after(text: str, end: int) -> bool:
    """A venue named after the place, one space on (``무안 종합장례식장``, ``진도 실내체육관``): the venue lies there."""
    m = _WORD_AFTER_A_SPACE.match(text, end)
    return m is not None and suffix_places.venue_word(m.group(1))


def _right_boundary(gaz: _Gazetteer, text: str, end: int, form: str, surface: _Surface, depth: int) -> str | None:
    """``"ok"``, ``"pending"`` (a risky form that rule 4b/4c may still accept) or None (no match)."""
    j = end
    n = len(text)
    while j < n and _is_hangul(text[j]):
        j += 1
    rest = text[end:j]
    if surface.risky:
        strong = _COUNTRY_STRONG if surface.source == _COUNTRY else _STRONG_SUFFIXES
        if rest.startswith(strong):
            return "ok"
        if not rest:
            spaced = _COUNTRY_SPACED_STRONG if surface.source == _COUNTRY else _SPACED_STRONG
            if surface.source != _NAMED and text.startswith(" ", end) and text.startswith(spaced, end + 1):
                return "ok"
            if surface.source == _ADMIN and _venue_after(text, end):
                return "ok"
            return "pending"
        if rest in _TAILS:
            return "pending"
        if depth < 2 and _token_here(gaz, text, end, depth + 1) is not None:
            return "pending"
        return None
    if not rest or rest in _TAILS:
        return "ok"
    if surface.source == _NAMED:
        if len(form) >= 4 or rest.startswith(_NAMED_SUFFIXES):
            return "ok"
    elif surface.source == _COUNTRY:
        if rest.startswith(_COUNTRY_SUFFIXES):
            return "ok"
    elif rest.startswith(_ADMIN_SUFFIXES) or (form.endswith(_UNIT_ENDINGS) and rest.startswith(_UNIT_SUFFIXES)):
        return "ok"
    if depth < 2 and _token_here(gaz, text, end, depth + 1) is not None:
        return "ok"
    return None


def _merge_qualified(tokens: list[_Token], text: str) -> list[_Token]:
    """Rule 5: ``광주 북구`` -> one token for 광주광역시 북구."""
    out: list[_Token] = []
    for token in tokens:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.surface.source == _ADMIN
            and token.surface.source == _ADMIN
            and _SPACES.fullmatch(text, prev.end, token.start)
        ):
            children = tuple(c for c in token.places if any(p in _ancestors(c) for p in prev.places))
            if children:
                out[-1] = _Token(prev.start, token.end, token.surface, children, "ok")
                continue
        out.append(token)
    return out


def _group_lists(tokens: list[_Token], text: str) -> None:
    """Rule 4c: number the lists of places and accept the risky forms of real lists.

    Members of a list are joined by punctuation (``,``, ``·``, ``▲``, ...), ``및`` or ``와``/``과``;
    spaces alone make no list (``중국 경기 둔화``). A risky form counts when another member of
    its list is of its own sort (domestic place or country) and either a separator is
    punctuation or ``및`` (``무안, 신안``) or that member needs no help (``베트남과 인도``); not
    ``예산과 경기``.
    """
    group = 0
    explicit: dict[int, bool] = {}
    for i, token in enumerate(tokens):
        gap = _LIST_GAP.fullmatch(text, tokens[i - 1].end, token.start) if i else None
        if gap is not None and (tokens[i - 1].end == token.start or gap.group().strip()):
            token.group = tokens[i - 1].group
            explicit[group] = explicit[group] or bool(_EXPLICIT_SEPARATOR.search(gap.group()))
        else:
            group += 1
            token.group = group
            explicit[group] = False
    members: dict[int, list[_Token]] = {}
    for token in tokens:
        members.setdefault(token.group, []).append(token)
    for group_id, group_tokens in members.items():
        for token in group_tokens:
            if token.status != "pending":
                continue
            others = [t for t in group_tokens if t is not token and _is_foreign(t) == _is_foreign(token)]
            if others and (explicit[group_id] or any(t.status == "ok" for t in others)):
                token.status = "ok"


def _is_foreign(token: _Token) -> bool:
    return token.surface.source == _COUNTRY


def _context_places(gaz: _Gazetteer, context: Sequence[str]) -> list[Place]:
    out = []
    for name in context:
        place = gaz.by_name.get(name)
        if place is None and name in gaz.surfaces and len(gaz.surfaces[name].places) == 1:
            place = gaz.surfaces[name].places[0]
        if place is not None:
            out.append(place)
    return out


def _resolve(gaz: _Gazetteer, tokens: list[_Token], text: str, context: list[Place]) -> list[PlaceMention]:
    """Rule 6: one place per token; ambiguous tokens that stay ambiguous are dropped."""
    out: list[PlaceMention] = []
    # 시도 -> (position in the text's sequence of administrative mentions, the latest such place)
    last_seen: dict[Place, tuple[int, Place]] = {}
    last_admin: Place | None = None  # the 시도 of the latest administrative mention
    provinces_in_group: set[int] = set()
    for token in tokens:
        if len(token.places) == 1 and token.places[0].level == 1:
            provinces_in_group.add(token.group)
    for token in tokens:
        place: Place | None = token.places[0] if len(token.places) == 1 else None
        if place is None:
            provinces = [c for c in token.places if c.level == 1]
            default = provinces[0] if len(provinces) == 1 else None
            if default is not None and token.group in provinces_in_group:
                place = default
            elif default is not None:  # only the latest mention may turn 광주 into 경기도 광주시
                latest = {last_admin: last_seen[last_admin]} if last_admin is not None else {}
                place = _by_recent_mention(token.places, latest) or _by_context(token.places, context) or default
            else:
                place = _by_recent_mention(token.places, last_seen) or _by_context(token.places, context)
        if place is None:
            continue
        if token.surface.source == _ADMIN:
            sido = _sido(place)
            if sido is not None:
                last_seen[sido] = (len(out), place)
                last_admin = sido
        out.append(PlaceMention(text[token.start : token.end], token.start, token.end, place))
    return out


def _by_recent_mention(candidates: tuple[Place, ...], last_seen: dict[Place, tuple[int, Place]]) -> Place | None:
    """The candidate whose 시도 the text named most recently."""
    best: tuple[int, Place] | None = None
    for candidate in candidates:
        sido = _sido(candidate)
        seen = last_seen.get(sido) if sido is not None else None
        if seen is None:
            continue
        if best is None or seen[0] > best[0]:
            best = (seen[0], candidate)
        elif seen[0] == best[0]:  # two candidates in one 시도: keep the one under the latest mention
            anchor = seen[1]
            if anchor in _ancestors(candidate) and anchor not in _ancestors(best[1]):
                best = (seen[0], candidate)
    return best[1] if best else None


def _by_context(candidates: tuple[Place, ...], context: list[Place]) -> Place | None:
    for anchor in context:
        sido = _sido(anchor)
        same = [c for c in candidates if sido is not None and _sido(c) == sido]
        if len(same) > 1:
            same = [c for c in same if c == anchor or anchor in _ancestors(c)]
        if len(same) == 1:
            return same[0]
    return None
