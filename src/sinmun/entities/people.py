"""People named in an article, with the title written beside them, and later short references to them.

Rules, in the order they run (all over plain text; no morphology needed except
the optional ``is_common_word`` check the caller may pass in from Kiwi):

1. **Name + title**: a title word (one that ends with a title from ``data/titles.txt``:
   ``광주시장``, ``상근부회장``, ``인공지능산업융합사업단장``) preceded by up to three
   affiliation words (organizations, places, countries: ``한국광산업진흥회``,
   ``카자흐스탄 고려인협회``) and then by the name. Names sharing one title are
   joined by ``·`` (``이용빈·민형배 국회의원``). A name is a Korean name (surname +
   1–2 syllables) or, after a list boundary, a two-word name of another origin
   (``김 알렉산드라``, ``지가이 빅토리아``).
2. **Name + 씨**, with an optional age or position in brackets: ``홍길순씨``,
   ``김철호(광주시청 과장)씨``, ``홍길순(45)씨``.
3. **Title + name in notices**: ``▲기획조정실장 김태호``.
4. **Known people** (``data/notable_people.csv``) and ``윤석열 정부``-style mentions.
5. **Repeated names**: once a person is known, each later occurrence of the full name.
6. **Short references**: surname + title (``강 시장``, ``김 지사``, ``윤 대통령``) resolve to the
   person of the article with that surname whose title ends with that title; hanja surname
   abbreviations in headlines (``尹``) to the person of the article with that surname.
7. **Anonymised people**: a capital letter or a surname and 모, an optional age, then 씨, 양 or 군
   (``A씨``, ``B(34)양``, ``김모(45)씨``, ``박모 씨``): a person marked ``anonymous``, named ``A씨`` / ``김모씨``.

The title kept for a person is the one written at its first titled mention; each mention
keeps its own title as written.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate
from typing import NamedTuple

from sinmun.entities import lexicon
from sinmun.entities.lexicon import is_korean_name, org_ending, strip_particle

# A span (start, end) of the text that the morphological analyser reads as one common word.
CommonWordCheck = Callable[[int, int], bool]

_WORD = re.compile(r"[^\s]+")
_LEADING_MARKS = "'\"‘“「『(〈<[▲△◇◆■□●○·•-"
_TRAILING_MARKS = "'\"’”」』)〉>],.;:!?…"
# Where a list of people starts or goes on: a comma, 및, 또는, the particle 와/과 ending the word before
# (``공동의장과 크리스티아나 피게레즈``), the text's start.
_LIST_BOUNDARY = re.compile(r"(?:[,、]|\s및|\s또는|[가-힣][와과]|^)$")
# Titles that may stand after a one-word foreign name (바이든 미국 대통령).
_FOREIGN_NAME_TITLES = (
    "대통령",
    "총리",
    "장관",
    "대사",
    "감독",
    "선수",
    "코치",
    "국무장관",
    "총영사",
    "주석",
    "위원장",
)


@dataclass
class PersonMention:
    text: str
    start: int
    end: int
    title: str | None = None
    field: str = "body"


@dataclass
class Person:
    name: str
    title: str | None = None
    affiliation: str | None = None
    mentions: list[PersonMention] = field(default_factory=list)
    # no name is written: an anonymised person (A씨, 김모(45)씨: ``_anonymised_people``), or a surname and a title
    # (김 의원) with no person of that surname among those the rules found (its name has a space)
    anonymous: bool = False


class _Word(NamedTuple):  # a tuple: a body has thousands of words, and a frozen dataclass is slow to build
    text: str  # the word without surrounding punctuation or trailing particle
    start: int
    end: int  # end of the core (before a particle)
    raw_start: int
    raw_end: int
    particle: str
    lead: str  # punctuation before the core
    trail: str  # punctuation after the core and particle


def _words(text: str) -> list[_Word]:
    out = []
    for m in _WORD.finditer(text):
        core_text, particle, lead, trail = _word_parts(m.group())
        raw_start = m.start()
        start = raw_start + len(lead)
        out.append(_Word(core_text, start, start + len(core_text), raw_start, m.end(), particle, lead, trail))
    return out


@lru_cache(maxsize=200_000)
def _word_parts(raw: str) -> tuple[str, str, str, str]:
    """A written word's core, particle, leading and trailing punctuation (the same word recurs across bodies)."""
    lead_len = len(raw) - len(raw.lstrip(_LEADING_MARKS))
    core = raw[lead_len:]
    stripped = core.rstrip(_TRAILING_MARKS)
    core_text, particle = strip_particle(stripped)
    return core_text, particle, raw[:lead_len], core[len(stripped) :]


@cache
def _title_set() -> tuple[frozenset[str], int]:
    """The titles, and the length of the longest."""
    return frozenset(lexicon.titles()), max(map(len, lexicon.titles()))


def _title_suffix(word: str) -> str | None:
    """The longest ending of ``word`` that is a title."""
    titles, longest = _title_set()
    for start in range(max(0, len(word) - longest), len(word)):
        if word[start:] in titles:
            return word[start:]
    return None


@lru_cache(maxsize=100_000)
def split_title(word: str) -> tuple[str, str | None] | None:
    """``광주시장`` -> (``광주시장``, ``광주시``); ``상근부회장`` -> (``상근부회장``, None); not a title -> None."""
    ending = _title_suffix(word)
    if ending is None:
        if word.endswith("장") and len(word) >= 3 and affiliation_like(word[:-1]):
            return word, word[:-1]
        return None
    prefix = word[: len(word) - len(ending)]
    if not prefix:
        return word, None
    # The affiliation glued to the title: the longest prefix that names an organization or a place.
    for cut in range(len(word) - 1, 0, -1):
        head = word[:cut]
        rest = word[cut:]
        if affiliation_like(head) and (rest == "장" or rest in _title_set()[0]):
            return word, head
    if affiliation_like(prefix) or _office_word(prefix):  # 광주시장, 상원의원, UN대사
        return word, prefix
    if prefix in _QUALIFIERS:  # 상근부회장, 명예회장
        return word, None
    if ending in _TITLES_NEEDING_AFFILIATION or not re.fullmatch(r"[가-힣]{1,6}", prefix):
        # 전통시장 is a market and 한의원 a clinic: these endings make a title only after an organization or place.
        return None
    return word, None  # an office inside an organization: 교통국장, 섬발전과장, 기획조정실장


_TITLES_NEEDING_AFFILIATION = frozenset(
    "시장 의원 위원 대표 이사 회원 선수 작가 교사 기자 후보 고문 총무 주장 대장 통장 이장 사장 의사 약사 감독 코치".split()
)

_QUALIFIERS = frozenset(
    [
        "상근",
        "명예",
        "공동",
        "수석",
        "선임",
        "책임",
        "전임",
        "신임",
        "초대",
        "前",
        "전",
        "현",
        "직무대행",
        "권한대행",
        "총괄",
        "대표",
        "상임",
        "비상임",
        "부",
    ]
)


@cache
def _place_names() -> frozenset[str]:
    from sinmun.entities import places

    return places.all_surface_forms()


@cache
def _organization_names() -> frozenset[str]:
    from sinmun.entities.organizations import known_forms

    return frozenset(known_forms())


def affiliation_like(word: str) -> bool:
    return (
        bool(org_ending(word))
        or word in _place_names()
        or word in _organization_names()
        or word.endswith(("시", "도", "군", "구", "청"))
    )


# 미 국방장관, 중 외교부, 주일 대사, 쿠바 주재 대사: one-syllable country names and the envoy's "stationed in".
# 상원 법사위원장, 하원 정보위원장: a legislature's chamber before the office in it.
_OFFICE_AFFILIATIONS = frozenset("미 중 일 북 남 러 영 독 불 한 유엔 UN 상원 하원 의회".split())
_ENVOY_POST = re.compile(r"주[한미중일러영독불]|주재")
_ACRONYM = re.compile(r"[A-Z][A-Za-z&]{1,9}")
_BRACKETED_ACRONYM = re.compile(r"[가-힣]{2,12}\([A-Za-z]{2,10}\)")


def affiliation_word(word: str) -> bool:
    """A word naming the organization, place or country of an office, written between a name and its title
    (``바이든 미국 대통령``, ``케네디 주일 미국대사``, ``코미 연방수사국(FBI) 국장``, ``UNFCCC 사무총장``)."""
    return _office_word(word) or affiliation_like(word)


def _office_word(word: str) -> bool:
    """A country abbreviation, an envoy's post, a country's ministry or agency (중앙정보국, 국무부) or an acronym:
    never a name, though 주일 looks like one."""
    return (
        word in _OFFICE_AFFILIATIONS
        or word in lexicon.national_institutions()
        or _ENVOY_POST.fullmatch(word) is not None
        or _ACRONYM.fullmatch(word) is not None
        or _BRACKETED_ACRONYM.fullmatch(word) is not None
    )


def _is_name(word: _Word, is_common_word: CommonWordCheck | None) -> bool:
    if word.particle or word.trail or not is_korean_name(word.text) or word.text in _place_names():
        return False
    if word.text in _organization_names():  # 목포대 (목포대학교) is a university, not a person
        return False
    return not (is_common_word and is_common_word(word.start, word.end))


def _mask_parentheticals(text: str) -> str:
    """``국회의원(광주 서구을)이`` -> ``국회의원           이``: brackets blanked, offsets kept."""
    return re.sub(r"\([^()\n]{1,40}\)", lambda m: " " * len(m.group()), text)


def find_people(text: str, *, is_common_word: CommonWordCheck | None = None) -> list[Person]:
    """People named in ``text`` (an article body) with their titles and mentions, in order of first mention."""
    words = _words(_mask_parentheticals(text))
    people: dict[str, Person] = {}

    def add(name: str, start: int, end: int, title: str | None, affiliation: str | None) -> None:
        person = people.setdefault(name, Person(name=name))
        if title and person.title is None:
            person.title, person.affiliation = title, affiliation
        if not any(m.start == start for m in person.mentions):
            person.mentions.append(PersonMention(text[start:end], start, end, title))

    for i, word in enumerate(words):
        if word.lead.endswith("(") or word.lead.endswith("["):
            continue
        titled = split_title(word.text)
        if titled and not word.lead.startswith(("▲", "◇", "△", "◆", "■", "□")):  # a bullet opens a new item
            _name_before_title(text, words, i, titled, add, is_common_word)
    _names_after_appositive_titles(words, add, is_common_word)
    _names_with_ssi(text, add, is_common_word)
    _names_with_age(text, add)
    _titles_before_names(text, words, add, is_common_word)
    _known_people(text, words, add)
    _repeated_names(text, people)
    _short_references(text, words, people)
    _unresolved_short_references(text, words, people)
    _anonymised_people(text, people)
    return sorted(people.values(), key=lambda p: min(m.start for m in p.mentions))


def _name_before_title(text, words, i, titled, add, is_common_word) -> None:
    title_word, glued_affiliation = titled
    j = i - 1
    affiliation_words: list[_Word] = []
    while j >= 0 and len(affiliation_words) < 3:
        w = words[j]
        if (
            w.particle
            or w.trail
            or not affiliation_word(w.text)
            or (
                not _office_word(w.text)
                and is_korean_name(w.text)
                and j > 0
                and not org_ending(w.text)
                and w.text not in _place_names()
                and w.text not in _organization_names()
            )
        ):
            break
        affiliation_words.insert(0, w)
        j -= 1
    if j < 0:
        return
    title_start = affiliation_words[0].start if affiliation_words else words[i].start
    title = text[title_start : words[i].end]
    affiliation = " ".join(w.text for w in affiliation_words) or glued_affiliation
    if glued_affiliation and affiliation_words:
        affiliation = f"{affiliation} {glued_affiliation}"
    candidate = words[j]
    if candidate.trail and candidate.trail != "" and "·" not in candidate.text:
        return
    names = candidate.text.split("·") if "·" in candidate.text else [candidate.text]
    if len(names) > 1 and all(is_korean_name(n) and n not in _place_names() for n in names):
        offset = candidate.start
        for n in names:
            s = text.index(n, offset)
            add(n, s, s + len(n), title, affiliation)
            offset = s + len(n)
        return
    # A title right after a three-syllable name is evidence enough, unless it ends like an institution and Kiwi reads
    # it as one common word (국무부 대변인); a two-syllable one must not be a common word (기초학력 전담 교사).
    if _is_name(candidate, is_common_word if _may_be_common(candidate.text) else None):
        add(candidate.text, candidate.start, candidate.end, title, affiliation)
        return
    if (
        j >= 1
        and not affiliation_words
        and len(words[j - 1].text) >= 3
        and _is_name(words[j - 1], is_common_word)
        and _unknown_affiliation(candidate)
    ):
        # 정인호 빛고을정밀 대표이사: an organization the lists do not know, between the name and the title.
        title = text[candidate.start : words[i].end]
        affiliation = candidate.text
        add(words[j - 1].text, words[j - 1].start, words[j - 1].end, title, affiliation)
        return
    foreign = _foreign_name(text, words, j, title_word, bool(affiliation_words), is_common_word)
    if foreign:
        start, end = foreign
        add(text[start:end], start, end, title, affiliation)


# A title joined to the name after it by the copula: ``환경부장관인 유영숙은``, ``대표였던 박아무개는``.
APPOSITIVE_COPULA = ("이었던", "였던", "이던", "이자", "인")


def appositive_title(word: str) -> str | None:
    """``환경부장관인`` -> ``환경부장관``: the title of a word that is a title and the copula, or None."""
    for ending in APPOSITIVE_COPULA:
        if word.endswith(ending) and len(word) > len(ending):
            titled = split_title(word[: -len(ending)])
            if titled:
                return titled[0]
    return None


def _names_after_appositive_titles(words: list[_Word], add, is_common_word) -> None:
    """``환경부장관인 유영숙은``: a Korean name right after a title in apposition (title + copula)."""
    for i in range(len(words) - 1):
        word, name = words[i], words[i + 1]
        title = None if word.particle or word.trail or name.lead else appositive_title(word.text)
        if (
            title is None
            or not is_korean_name(name.text)
            or name.text in _place_names()
            or name.text in _organization_names()
            or (is_common_word and is_common_word(name.start, name.end))
        ):
            continue
        add(name.text, name.start, name.end, title, split_title(title)[1])


# The last syllables of institutions written before a title (국무부, 노동당, 백악관, 조달청, 감사원, 사무국).
_INSTITUTION_SYLLABLES = frozenset("부 당 관 청 처 원 국 실 위 회 단 사 대")


def _may_be_common(name: str) -> bool:
    """A candidate name Kiwi's common-word check must pass: two syllables, or ending like an institution."""
    return len(name) == 2 or name[-1] in _INSTITUTION_SYLLABLES


def _unknown_affiliation(word: _Word) -> bool:
    return (
        not word.particle
        and not word.trail
        and bool(re.fullmatch(r"[가-힣A-Za-z]{2,12}", word.text))
        and word.text not in lexicon.NOT_NAMES
        and not is_korean_name(word.text)
    )


def _foreign_name(
    text: str,
    words: list[_Word],
    j: int,
    title_word: str,
    affiliated: bool = False,
    is_common_word: CommonWordCheck | None = None,
) -> tuple[int, int] | None:
    """A name of another origin ending at word j: two words after a list boundary (김 알렉산드라) or two words
    neither of which Kiwi knows as a common word (``통해 캐럴라인 케네디 주일 미국대사``), or one before a
    head-of-state-like title (바이든 대통령) or before any title with its organization or country written between
    them (``화춘잉 중국 외교부 대변인``, ``affiliated``)."""
    last = words[j]
    if last.particle or last.trail or not re.fullmatch(r"[가-힣]{2,6}", last.text):
        return None
    if (
        last.text in lexicon.NOT_NAMES
        or org_ending(last.text)
        or last.text in _place_names()
        or _HONORIFIC_WORD.fullmatch(last.text)
    ):
        return None
    if j >= 1:
        first = words[j - 1]
        # Read the first word whole: 지가이 is a name, not 지가 + the particle 이.
        first_text = text[first.start : first.raw_end - len(first.trail)]
        before = _tail_before(text, first.raw_start)
        if (
            not first.trail
            and re.fullmatch(r"[가-힣]{1,6}", first_text)
            and first_text not in lexicon.NOT_NAMES
            and not org_ending(first_text)
            and first_text not in _place_names()
            and (_LIST_BOUNDARY.search(before) or _unknown_words(is_common_word, first, last))
            and not is_korean_name(last.text)
        ):
            return first.start, last.end
    if (
        (affiliated or any(title_word.endswith(t) for t in _FOREIGN_NAME_TITLES))
        and not is_korean_name(last.text)
        and len(last.text) >= 3
    ):
        before = _tail_before(text, last.raw_start)
        if _LIST_BOUNDARY.search(before) or before.endswith(("은", "는", "이", "가")) or not before:
            return last.start, last.end
    return None


# An honorific written as a word of its own, with or without a particle (``동호 씨와 신부``): no word of a name.
_HONORIFIC_WORD = re.compile(r"(?:씨|군|양|옹)" + lexicon.PARTICLE_RE + "?")


def _unknown_words(is_common_word: CommonWordCheck | None, first: _Word, last: _Word) -> bool:
    """Kiwi (when the caller gave its check) reads neither word as a common word: a name it does not know. The
    first may be one syllable (척 헤이글, 알 그린: a given name), the last not."""
    return (
        is_common_word is not None
        and len(last.text) >= 2
        and not any(is_common_word(w.start, w.end) or w.particle for w in (first, last))
    )


def _tail_before(text: str, pos: int) -> str:
    """The last three characters before ``pos`` once spaces are stripped ("" at the text's start): all that
    ``_LIST_BOUNDARY`` and a particle ending look at, without copying the whole text before ``pos`` (which made
    a long body's cost quadratic)."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text[max(0, end - 3) : end]


_NAME_PART = r"[가-힣]{2,4}(?:\s?\([^()\n]{1,30}\))?"
# 홍길순씨, 김철호(광주시청 과장)씨, 김철웅(광주시청 과장)·김희정씨: names (with a bracketed age or position)
# joined by · and closed by 씨.
_SSI_CHAIN = re.compile(
    rf"(?<![가-힣])(?P<chain>{_NAME_PART}(?:·{_NAME_PART})*)\s?씨(?:\s?\((?P<after>[^()\n]{{1,30}})\))?(?![가-힣]{{2}})"
)
_SSI_PART = re.compile(r"(?P<name>[가-힣]{2,4})(?:\s?\((?P<inner>[^()\n]{1,30})\))?")


def _names_with_ssi(text: str, add, is_common_word) -> None:
    for chain in _SSI_CHAIN.finditer(text):
        for m in _SSI_PART.finditer(chain["chain"]):
            name = m["name"]
            start = chain.start("chain") + m.start("name")
            if not is_korean_name(name) or name in _place_names():
                continue
            if is_common_word and is_common_word(start, start + len(name)):
                continue
            title, affiliation = _bracketed_title(m["inner"])
            if title is None and chain["after"] and m.end() == len(chain["chain"]):
                title, affiliation = _bracketed_title(chain["after"])  # 최영길씨(전 광주상공회의소 부회장)
            add(name, start, start + len(name), title, affiliation)


# 윤하랑(16·광주체고), 오성애(87) 할머니: a name with an age in brackets.
_NAME_AGE = re.compile(r"(?<![가-힣])(?P<name>[가-힣]{2,4})\((?P<age>\d{1,3})(?:[·,]\s?(?P<rest>[^()\n]{1,30}))?\)")


def _names_with_age(text: str, add) -> None:
    for m in _NAME_AGE.finditer(text):
        name = m["name"]
        if not is_korean_name(name) or name in _place_names() or name in _organization_names():
            continue
        after = re.match(r"\s?([가-힣]+)", text[m.end() :])
        title = None
        if after:
            word, _ = strip_particle(after.group(1))
            if word in _KINSHIP_TITLES or split_title(word):
                title = word
        add(name, m.start("name"), m.end("name"), title, m["rest"])


_KINSHIP_TITLES = frozenset("할머니 할아버지 어르신 씨 군 양 옹 여사 학생 선수 원장 교수".split())


def _bracketed_title(inner: str | None) -> tuple[str | None, str | None]:
    """``광주시청 과장`` -> (``광주시청 과장``, ``광주시청``); an age -> (None, None)."""
    if not inner or re.fullmatch(r"\d{1,3}(?:세)?", inner):
        return None, None
    parts = inner.split()
    titled = split_title(parts[-1])
    if not titled:
        return None, None
    return inner, " ".join(parts[:-1]) or titled[1]


_NOTICE_ITEM = re.compile(r"[▲◇]\s*(?P<title>[^▲◇\n]{2,40}?)\s+(?P<name>[가-힣]{2,4})(?=\s*(?:[▲◇\n,]|$))")


def _titles_before_names(text, words, add, is_common_word) -> None:
    """``▲기획조정실장 김태호``: in personnel notices the title comes first."""
    for m in _NOTICE_ITEM.finditer(text):
        title = m["title"].strip()
        last = title.split()[-1]
        if split_title(last) and is_korean_name(m["name"]) and m["name"] not in _place_names():
            if is_common_word and is_common_word(m.start("name"), m.end("name")):
                continue
            affiliation = " ".join(title.split()[:-1]) or (split_title(last) or (None, None))[1]
            add(m["name"], m.start("name"), m.end("name"), title, affiliation)


@cache
def _notable() -> dict[str, dict[str, str]]:
    return {row["name"]: row for row in lexicon.data_rows("notable_people.csv")}


def _known_people(text, words, add) -> None:
    """People on the notable list, and ``윤석열 정부`` / ``문재인 정권`` mentions of any Korean name."""
    notable = _notable()
    for i, word in enumerate(words):
        if word.text in notable or (
            i + 1 < len(words)
            and words[i + 1].text in ("정부", "정권", "행정부", "대통령실")
            and is_korean_name(word.text)
            and len(word.text) == 3
            and word.text not in _organization_names()  # 노동당 행정부: the party's department
            and word.text not in _place_names()
            and not word.particle
            and not word.trail  # 나서기 어렵다. 정부와 ...: a sentence ends between them
        ):
            add(word.text, word.start, word.end, None, None)


def _repeated_names(text: str, people: dict[str, Person]) -> None:
    for person in list(people.values()):
        whole_word = " " not in person.name and len(person.name) >= 2
        # the occurrences do not overlap one another, so only the mentions found before can cover one
        covered = _Coverage([(x.start, x.end) for x in person.mentions])
        for start, end in name_occurrences(text, person.name, whole_word=whole_word):
            if not covered.covers(start):
                person.mentions.append(PersonMention(text[start:end], start, end, None))
        person.mentions.sort(key=lambda x: x.start)


class _Coverage:
    """Which offsets a set of spans covers, answered by bisection (a long text has thousands of mentions)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self._starts = [start for start, _ in spans]
        self._furthest_end = list(accumulate((end for _, end in spans), max))

    def covers(self, offset: int) -> bool:
        """Some span has ``start <= offset < end``."""
        i = bisect_right(self._starts, offset)
        return i > 0 and self._furthest_end[i - 1] > offset


# What may follow a name written as a word of its own: the end, a non-Hangul character, or a particle ending the word.
_AFTER_NAME = re.compile(rf"$|[^가-힣]|{lexicon.PARTICLE_RE}(?![가-힣])")


def name_occurrences(text: str, name: str, *, whole_word: bool) -> list[tuple[int, int]]:
    """Non-overlapping spans of ``name`` in ``text``; with ``whole_word``, not inside a longer Hangul word
    (``정우진`` in ``정우진은``, not in ``김정우진``). One precompiled pattern for every name: no per-name regex."""
    spans, start = [], text.find(name)
    while start >= 0:
        end = start + len(name)
        if not whole_word or (
            (start == 0 or not "가" <= text[start - 1] <= "힣") and _AFTER_NAME.match(text, end) is not None
        ):
            spans.append((start, end))
            start = text.find(name, end)
        else:
            start = text.find(name, start + 1)
    return spans


def _short_references(text: str, words: list[_Word], people: dict[str, Person]) -> None:
    """``강 시장`` -> 강기정 (광주시장): a surname and a title that the article's person of that surname carries."""
    for i in range(len(words) - 1):
        surname, title_word = words[i], words[i + 1]
        if surname.particle or surname.trail or surname.text not in lexicon.surnames():
            continue
        if text[surname.end : title_word.start] != " ":
            continue
        if not (split_title(title_word.text) or title_word.text in _KINSHIP_TITLES):
            continue
        person = _resolve_short(surname.text, title_word.text, people)
        if person:
            person.mentions.append(
                PersonMention(text[surname.start : title_word.end], surname.start, title_word.end, title_word.text)
            )
            person.mentions.sort(key=lambda x: x.start)


# One-syllable words that are determiners before a title, never surnames there: 전 대통령 (former), 현 의원
# (current), 각 부처 (each), 모 회장 (a certain), 고 김철수 (the late), 총/본/당/매/해/동/주 (chief, this, the party's,
# every, the said, the same, the envoy's).
DETERMINERS_BEFORE_TITLE = frozenset("전 현 각 모 고 총 본 당 매 해 동 주 前 現 故".split())
# Before 씨, 군 or 양 the same syllables are surnames (전 씨, 고 씨에게, 현 씨는, 주 씨, and 한 씨 though 한 is "one"
# before a title): an honorific follows a surname, never a determiner. 모 씨 is "a certain person" (no surname).
DETERMINERS_BEFORE_HONORIFIC = frozenset("모 각 총 본 당 매 해 동 前 現 故".split())
# The rules, with no model to weigh a syllable, take none of these for a surname before a title either: 양 정상
# (both), 신 (new), and syllables of common words (부, 대, 차, 구, 시, 도, 군, 반, 원, 국, 공, 제).
_NOT_SURNAMES_BEFORE_TITLE = DETERMINERS_BEFORE_TITLE | frozenset("양 신 부 대 차 구 시 도 군 반 원 국 공 제".split())


def _unresolved_short_references(text: str, words: list[_Word], people: dict[str, Person]) -> None:
    """``김 의원`` when no person the rules found carries that surname: a person marked ``anonymous`` for now,
    whom the caller resolves to a person the model found (``extract``) or drops (sinmun makes no person of a
    surname alone)."""
    taken = [(m.start, m.end) for p in people.values() for m in p.mentions if m.field == "body"]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    for i in range(len(words) - 1):
        surname, title_word = words[i], words[i + 1]
        if (
            surname.particle
            or surname.trail
            or surname.lead
            or surname.text not in lexicon.surnames()
            or surname.text in _NOT_SURNAMES_BEFORE_TITLE
            or text[surname.end : title_word.start] != " "
            or not free(surname.start, title_word.end)
        ):
            continue
        titled = split_title(title_word.text)
        if not titled or titled[1] or any(p.name.startswith(surname.text) and not p.anonymous for p in people.values()):
            continue
        name = f"{surname.text} {title_word.text}"
        person = people.setdefault(name, Person(name=name, title=title_word.text, anonymous=True))
        person.mentions.append(
            PersonMention(text[surname.start : title_word.end], surname.start, title_word.end, title_word.text)
        )


# An anonymised person: a capital letter, or a surname and 모 ("a certain"), an optional age in brackets, then 씨,
# 양 or 군 with nothing but a particle after it (A씨, B(34)양, 김모(45)씨, 박모 씨의, 김 모 씨; 씨앗, 양파 and 군대 are
# words).
_ANONYMISED = re.compile(
    r"(?<![A-Za-z0-9가-힣])(?P<alias>[A-Z]|[가-힣]{1,2} ?모)(?:\s?\(\d{1,3}(?:[·,]\s?[^()\n]{1,20})?\))?"
    r"\s?(?P<honorific>씨|양|군)(?P<rest>[가-힣]*)"
)


def _anonymised_people(text: str, people: dict[str, Person]) -> None:
    """``A씨``, ``김모(45)씨``: a person the article keeps anonymous, named by the letter or surname and the
    honorific (``A씨``, ``김모씨``) and marked ``anonymous``: one person within the article, never the same person as
    another article's ``A씨``."""
    taken = [(m.start, m.end) for p in people.values() for m in p.mentions if m.field == "body"]
    for m in _ANONYMISED.finditer(text):
        alias = m["alias"].replace(" ", "")  # 김 모 씨 is 김모씨
        if alias.endswith("모") and alias[:-1] not in lexicon.surnames():
            continue
        if m["rest"] and m["rest"] not in lexicon.PARTICLES:
            continue
        start, end = m.start("alias"), m.end("honorific")
        if any(s < end and start < e for s, e in taken):
            continue
        name = f"{alias}{m['honorific']}"
        person = people.setdefault(name, Person(name=name, anonymous=True))
        # the mention is the whole written form (``김모(45·광주 북구)씨``: what it covers is no other entity's), with
        # no title (an honorific is none)
        person.mentions.append(PersonMention(text[start:end], start, end))


def _resolve_short(surname: str, title: str, people: dict[str, Person]) -> Person | None:
    same_surname = [p for p in people.values() if p.name.startswith(surname) and " " not in p.name]
    titled = [p for p in same_surname if p.title and title_matches(p.title, title)]
    if len(titled) == 1:
        return titled[0]
    if not titled and len(same_surname) == 1 and same_surname[0].title is None:
        return same_surname[0]
    if not same_surname:
        row = next(
            (r for r in _notable().values() if r["name"].startswith(surname) and r["short_title"] == title), None
        )
        if row:
            return people.setdefault(row["name"], Person(name=row["name"], title=row["title"] or None))
    return None


def title_matches(full_title: str, short: str) -> bool:
    """``광주시장`` carries ``시장``; ``전라남도지사`` carries ``지사``; ``국회의원`` carries ``의원``."""
    last = full_title.split()[-1]
    return last.endswith(short) or (short == "지사" and last.endswith("도지사"))


@cache
def _hanja_surname_pattern() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, lexicon.HANJA_SURNAMES)))


def resolve_hanja_abbreviations(headline: str, people: list[Person]) -> None:
    """``尹`` in a headline -> the article's person surnamed 윤 (a 대통령 first, if several)."""
    for m in _hanja_surname_pattern().finditer(headline):
        surname = lexicon.HANJA_SURNAMES[m.group()]
        candidates = [p for p in people if p.name.startswith(surname) and " " not in p.name]
        candidates.sort(key=lambda p: 0 if (p.title or "").endswith("대통령") else 1)
        if candidates:
            candidates[0].mentions.append(PersonMention(m.group(), m.start(), m.end(), None, field="headline"))
