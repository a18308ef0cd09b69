"""Places the gazetteer does not list, recognised by how their names end.

- venues and sites: ``광주문화예술회관``, ``진호국제양궁장``, ``팔마체육관``, ``천사대교``, ``빛고을장례식장``,
  ``펭귄마을``, ``첨단산단``, ``대양산업단지``, ``순천역``, ``호남고속도로``, and a road's rest areas, junctions and
  tollgates (``행담도휴게소``, ``서평택나들목``, ``당진분기점``, ``서울요금소``);
- neighbourhoods, towns and villages: ``신가동``, ``진도읍``, ``산동면``, ``남동리`` (three or four syllables,
  never a common word such as 활동, 측면, 일자리).

Each is a LOCATION under the name as written; it has no administrative code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from sinmun.entities.lexicon import strip_particle
from sinmun.morphology import Token

VENUE_ENDINGS = tuple(
    sorted(
        """
        회관 예술회관 문화예술회관 경기장 종합경기장 양궁장 체육관 실내체육관 운동장 야구장 축구장 수영장 빙상장 공연장
        대교 교량 문학관 기념관 전시관 과학관 체험관 장례식장 공원 수목원 식물원 터미널 버스터미널 국제공항 공항
        산단 산업단지 국가산업단지 농공단지 일반산단 혁신도시 해수욕장 광장 마을 고속도로 순환도로 역 항 포구 선착장
        컨벤션센터 전당 생태공원 유원지 휴양림 댐 저수지 방조제 휴게소 나들목 분기점 요금소 톨게이트 빌딩 타워
        """.split(),
        key=len,
        reverse=True,
    )
)
TOWN_ENDINGS = ("동", "읍", "면", "리")
# Words with those endings that are no place.
NOT_PLACES = frozenset(
    """
    활동 행동 공동 운동 이동 노동 변동 연동 작동 감동 충동 출동 가동 발동 소동 진동 협동 자동 파동 폭동 난동 선동
    측면 반면 전면 국면 이면 표면 내면 외면 단면 지면 화면 평면 장면 방면 대면 정면 수면 체면 곡면 하면 라면
    관리 처리 거리 자리 유리 원리 정리 무리 논리 심리 수리 마무리 실마리 일자리 먹거리 볼거리 놀거리 즐길거리 우리
    요리 소리 머리 다리 고리 꼬리 도리 조리 경리 총리 진리 승리 권리 편리 합리 불리 유리 의리 부리 보리 미리
    공원 광장 마을 역 항 산단 공항 회관 대교 터미널 시장 전당 지역 구역 영역 무역 광역 역할 역사 역량 역대
    휴게소 나들목 분기점 요금소 톨게이트 빌딩 타워
    지원동 재활동 봉사활동 체육활동 학생운동 시민운동 온라인 가상공간 공공장소 현장 교량 고속도로 도로
    """.split()
)
_WORD = re.compile(r"[가-힣A-Za-z0-9·]+")


def find_suffix_places(text: str, *, exclude: set[str] = frozenset()) -> list[tuple[str, int, int]]:
    """(name, start, end) of each place named by its ending, in text order."""
    out: list[tuple[str, int, int]] = []
    for m in _WORD.finditer(text):
        found = _place_word(m.group())
        if found is None:
            continue
        core, is_venue = found
        if core in exclude:
            continue
        if is_venue or _town_in_context(core, text, m.start(), m.start() + len(core)):
            out.append((core, m.start(), m.start() + len(core)))
    return out


@lru_cache(maxsize=100_000)
def _place_word(word: str) -> tuple[str, bool] | None:
    """What a word may name by its ending: (its core, whether a venue, else a town needing context), or None."""
    # 펭귄마을 ends like a particle (을): try the whole word as a venue before taking a particle off.
    core = word if _is_venue(word) else strip_particle(word)[0]
    if core in NOT_PLACES:
        return None
    if _is_venue(core):
        return core, True
    return (core, False) if _is_town(core) else None


_COUNTY_BEFORE = re.compile(r"[가-힣]{1,4}(?:군|시|구)\s$")
_TOWN_AFTER = re.compile(
    r"^(?:\s?(?:주민|일대|일원|사무소|행정복지센터|소재|마을|출신)|[은는이가을를의에와과도서]|에서|으로|로)"
)


def _is_place(word: str) -> bool:
    from sinmun.entities.places import all_surface_forms

    return word in all_surface_forms()


def _town_in_context(word: str, text: str, start: int, end: int) -> bool:
    """A 면 name needs its county before it (진도군 산동면) or a place word after it; 건너면 is a verb."""
    if not word.endswith("면"):
        return True
    before = _COUNTY_BEFORE.search(text[max(0, start - 6) : start])
    return (before is not None and _is_place(before.group().strip())) or (
        bool(_TOWN_AFTER.match(text[end:])) and not text[end:].startswith(" ")
    )


_VENUE_AT_END = re.compile("(?:" + "|".join(VENUE_ENDINGS) + ")$")


def _is_venue(word: str, *, bare: bool = False) -> bool:
    """``word`` ends like a venue after a name (``팔마체육관``), or, ``bare``, is the venue's word alone too
    (``실내체육관``)."""
    m = _VENUE_AT_END.search(word)
    if m is None:
        return False
    prefix = word[: m.start()]
    # 역 and 항 are one syllable: demand a longer name (순천역, 목포항), never 지역 or 무역.
    needed = 2 if len(m.group()) == 1 else 0 if bare else 1
    # ``승용차·요금소``: a list's last item is the facility's word alone, no name before it
    return len(prefix) >= needed and not prefix.isdigit() and not prefix.endswith("·")


def venue_word(word: str) -> bool:
    """``word``, a particle taken off, names a venue or is a venue's word alone (``종합장례식장``, ``실내체육관에서``,
    ``해수욕장``), and is no common word that ends like one (지역, 무역): after a place, one space on, it puts the
    place there (``places``, rule 4a)."""
    core = word if _is_venue(word, bare=True) else strip_particle(word)[0]
    return core not in NOT_PLACES and _is_venue(core, bare=True)


# The one-syllable endings: a town's (동, 읍, 면, 리) and a station's or port's (역, 항).
ONE_SYLLABLE_ENDINGS = frozenset((*TOWN_ENDINGS, "역", "항"))
_COMMON_NOUN = "NNG"


def common_noun_ending(tokens: Sequence[Token]) -> bool:
    """Kiwi reads a word that ends like a town or a station as common nouns only, the last of them longer than the
    ending: the ending is a syllable of that noun (서명+운동, 실외+활동, 사고+지역, 유기+징역, 사법+처리), so the
    word is a common noun, not a place. A place's own ending stands alone or inside a proper noun (여수+항,
    청운동, 대성+구역)."""
    if not tokens or any(tag != _COMMON_NOUN for _s, _e, tag, _f in tokens):
        return False
    last = tokens[-1][3]
    return len(last) >= 2 and last[-1] in ONE_SYLLABLE_ENDINGS


def _is_town(word: str) -> bool:
    return len(word) in (3, 4) and word.endswith(TOWN_ENDINGS) and bool(re.fullmatch(r"[가-힣]+", word))
