"""The place gazetteer: data-file integrity, matching rules (one case per rule), properties."""

from __future__ import annotations

import csv
from collections import Counter
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sinmun.entities import places
from sinmun.entities.places import ancestors, find_places, place_by_code, place_by_name


def _rows(filename: str) -> list[dict[str, str]]:
    with resources.files("sinmun.data").joinpath(filename).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ADMIN = _rows("admin_divisions.csv")
NAMED = _rows("named_places.csv")
COUNTRIES = _rows("countries.csv")


def found(text: str, **kwargs) -> list[tuple[str, str]]:
    return [(m.text, m.place.name) for m in find_places(text, **kwargs)]


def names(text: str, **kwargs) -> list[str]:
    return [m.place.name for m in find_places(text, **kwargs)]


# --- data files ---------------------------------------------------------------------------


def test_seventeen_first_level_divisions():
    first = {r["name"] for r in ADMIN if r["level"] == "1"}
    assert len(first) == 17
    assert {"강원특별자치도", "전북특별자치도", "제주특별자치도", "세종특별자치시", "광주광역시"} <= first
    assert not {"강원도", "전라북도"} & first


def test_codes_unique_and_parents_exist():
    codes = [r["code"] for r in ADMIN]
    assert len(codes) == len(set(codes))
    for r in ADMIN:
        level = int(r["level"])
        if level == 1:
            assert r["parent_code"] == "" and r["code"].startswith("KR-")
        else:
            parent = next(p for p in ADMIN if p["code"] == r["parent_code"])
            assert int(parent["level"]) == level - 1
            assert r["code"] == f"{r['parent_code']}-{r['name']}"


def test_level_two_counts():
    level2 = [r for r in ADMIN if r["level"] == "2"]
    assert len(level2) >= 220
    by_parent = Counter(r["parent_code"] for r in level2)
    assert by_parent["KR-46"] == 22  # 전라남도
    jeonnam = [r["name"] for r in level2 if r["parent_code"] == "KR-46"]
    assert sum(n.endswith("시") for n in jeonnam) == 5 and sum(n.endswith("군") for n in jeonnam) == 17
    assert by_parent["KR-29"] == 5  # 광주광역시
    assert by_parent["KR-11"] == 25  # 서울특별시
    assert all(n.endswith("구") for n in (r["name"] for r in level2 if r["parent_code"] == "KR-11"))
    assert by_parent["KR-50"] == 0  # 세종특별자치시
    assert "KR-27-군위군" in {r["code"] for r in level2}  # in 대구 since 2023-07-01


def test_named_place_forms_have_no_spaces():
    # a space inside a mention is read as "parent child" by the article extractor
    for r in NAMED:
        assert " " not in r["name"] and " " not in r["aliases"], r["name"]


def test_named_places_and_countries_files():
    admin_codes = {r["code"] for r in ADMIN}
    assert len(NAMED) >= 120
    assert all(r["parent_code"] in admin_codes for r in NAMED if r["parent_code"])
    assert len({r["name"] for r in NAMED}) == len(NAMED)
    assert len(COUNTRIES) >= 120
    iso = [r["iso2"] for r in COUNTRIES if r["iso2"]]
    assert len(iso) == len(set(iso)) and all(len(c) == 2 and c.isupper() for c in iso)
    assert len({r["name"] for r in COUNTRIES}) == len(COUNTRIES)


def test_gazetteer_loads_every_row_without_conflicting_forms():
    # loading raises on a surface form claimed by two sources or a duplicate code
    assert len(places.all_places()) == len(ADMIN) + len(NAMED) + len(COUNTRIES)
    assert {"광주", "전남도", "나주", "중외공원", "미국"} <= places.all_surface_forms()


# --- matching rules -------------------------------------------------------------------------

SIDO_SHORT_FORMS = [
    ("서울", "서울특별시"),
    ("서울시", "서울특별시"),
    ("부산", "부산광역시"),
    ("대구", "대구광역시"),
    ("인천", "인천광역시"),
    ("광주", "광주광역시"),
    ("광주시", "광주광역시"),
    ("대전", "대전광역시"),
    ("울산", "울산광역시"),
    ("세종시", "세종특별자치시"),
    ("경기도", "경기도"),
    ("강원", "강원특별자치도"),
    ("강원도", "강원특별자치도"),
    ("충북", "충청북도"),
    ("충남", "충청남도"),
    ("전북", "전북특별자치도"),
    ("전라북도", "전북특별자치도"),
    ("전남", "전라남도"),
    ("전남도", "전라남도"),
    ("경북", "경상북도"),
    ("경남", "경상남도"),
    ("제주", "제주특별자치도"),
    ("제주도", "제주특별자치도"),
]


@pytest.mark.parametrize(("form", "canonical"), SIDO_SHORT_FORMS)
def test_first_level_short_forms(form, canonical):
    assert found(f"{form} 지역 행사") == [(form, canonical)]


CASES = [
    # (rule, text, expected [(mention text, canonical name)], context)
    ("full 시도 name", "광주광역시는 지난해", [("광주광역시", "광주광역시")], ()),
    ("particle 가", "광주시가 밝혔다", [("광주시", "광주광역시")], ()),
    ("particle 에서", "나주에서 열린", [("나주", "전라남도 나주시")], ()),
    ("particle 는 after 도", "전남도는 4일", [("전남도", "전라남도")], ()),
    ("particle 의", "목포시의 인구", [("목포시", "전라남도 목포시")], ()),
    ("particle 서 (에서)", "나주서 열려", [("나주", "전라남도 나주시")], ()),
    ("particles 과의", "미국·일본·유럽과의 교역", [("미국", "미국"), ("일본", "일본"), ("유럽", "유럽")], ()),
    ("suffix 시민", "광주시민 300명", [("광주시", "광주광역시")], ()),
    ("suffix 형", "광주형 일자리", [("광주", "광주광역시")], ()),
    ("suffix 군수", "무안군수는", [("무안군", "전라남도 무안군")], ()),
    ("newspaper name is no place", "광주일보 기자", [], ()),
    ("bank name is no place", "광주은행 본점", [], ()),
    ("two places glued", "광주전남 지역", [("광주", "광주광역시"), ("전남", "전라남도")], ()),
    ("district with city", "광주 북구 용봉동", [("광주 북구", "광주광역시 북구")], ()),
    ("district with full city", "광주광역시 북구청", [("광주광역시 북구", "광주광역시 북구")], ()),
    ("district 광산구 with city", "한편 광주 광산구에는", [("광주 광산구", "광주광역시 광산구")], ()),
    ("county with province", "전남 진도에서", [("전남 진도", "전라남도 진도군")], ()),
    ("three levels", "경기 수원시 장안구 주민", [("경기 수원시 장안구", "경기도 수원시 장안구")], ()),
    ("일반구 with city", "포항 북구 흥해읍", [("포항 북구", "경상북도 포항시 북구")], ()),
    ("bare 북구 is ambiguous", "북구는 주민센터", [], ()),
    ("bare 북구 by context", "북구는 주민센터", [("북구", "광주광역시 북구")], ("광주광역시",)),
    ("bare 동구 by earlier 시도", "대구시는 동구와", [("대구시", "대구광역시"), ("동구", "대구광역시 동구")], ()),
    (
        "earlier mention beats context",
        "부산 해운대구와 중구",
        [("부산 해운대구", "부산광역시 해운대구"), ("중구", "부산광역시 중구")],
        ("광주광역시",),
    ),
    ("고성군 needs a 시도", "고성군은", [], ()),
    ("고성군 by context", "고성군은", [("고성군", "경상남도 고성군")], ("경상남도",)),
    ("경기 광주", "경기 광주시 오포읍", [("경기 광주시", "경기도 광주시")], ()),
    (
        "광주 stays the 광역시 in a list of 시도",
        "경기도와 광주·전남",
        [("경기도", "경기도"), ("광주", "광주광역시"), ("전남", "전라남도")],
        (),
    ),
    ("risky 광산 inside 광산업", "광산업 진흥", [], ()),
    ("risky 광산 as a noun", "광산이 폐쇄됐다", [], ()),
    ("광산구 in full", "광산구청", [("광산구", "광주광역시 광산구")], ()),
    ("risky 진도 as progress", "진도가 나갔다", [], ()),
    ("risky 고성 as a loud voice", "고성이 오갔다", [], ()),
    ("risky 예산 and 경기 as words", "내년 예산 경기 부양", [], ()),
    ("risky 고양 in 고양이", "고양이가 울었다", [], ()),
    ("risky 경기 as the economy", "경기가 살아나고 중국 경기 둔화", [("중국", "중국")], ()),
    ("risky 경기 with 북부", "경기 북부와 경기남부", [("경기", "경기도"), ("경기", "경기도")], ()),
    (
        "risky form with strong suffix",
        "진도군민과 완도읍",
        [("진도군", "전라남도 진도군"), ("완도", "전라남도 완도군")],
        (),
    ),
    ("risky form before 앞바다", "진도 앞바다", [("진도", "전라남도 진도군")], ()),
    ("risky form before a venue", "함평 실내체육관에서 열렸다", [("함평", "전라남도 함평군")], ()),
    ("risky form before a named venue", "무안 중앙장례식장, 발인 9일", [("무안", "전라남도 무안군")], ()),
    ("risky form before a word that is no venue", "무안 사람들이 모였다", [], ()),
    ("risky form with a particle before a venue", "진도가 체육관 안에서 나갔다", [], ()),
    ("risky form before a word that only ends like a venue", "경기 무역 지표와 예산 지역 배분", [], ()),
    (
        "risky forms in a list",
        "무안, 신안, 함평, 완도 등",
        [
            ("무안", "전라남도 무안군"),
            ("신안", "전라남도 신안군"),
            ("함평", "전라남도 함평군"),
            ("완도", "전라남도 완도군"),
        ],
        (),
    ),
    ("risky country alone", "인도를 걷다", [], ()),
    ("risky country in a list", "미국·인도 정상", [("미국", "미국"), ("인도", "인도")], ()),
    ("risky country with 정부", "인도 정부는", [("인도", "인도")], ()),
    ("named place", "광주 북구 중외공원 일원", [("광주 북구", "광주광역시 북구"), ("중외공원", "중외공원")], ()),
    (
        "named place alias",
        "함평군 빛그린국가산단",
        [("함평군", "전라남도 함평군"), ("빛그린국가산단", "빛그린산단")],
        (),
    ),
    ("longest match wins", "광주송정역에서", [("광주송정역", "광주송정역")], ()),
    ("short named place needs a boundary", "일산화탄소 중독", [], ()),
    ("a counter after a number", "시신은 모두 21구로 늘었고 3동이 탔다", [], ()),
    ("5·18 with the other middle dot", "5ㆍ18민주광장에서", [("5ㆍ18민주광장", "5·18민주광장")], ()),
    ("country with suffix", "미국산 쇠고기", [("미국", "미국")], ()),
    ("country alias", "튀르키예와 터키", [("튀르키예", "튀르키예"), ("터키", "튀르키예")], ()),
]


@pytest.mark.parametrize(("rule", "text", "expected", "context"), CASES, ids=[c[0] for c in CASES])
def test_rules(rule, text, expected, context):
    assert found(text, context=context) == expected


REFERENCE = [
    ("광주 북구 중외공원 일원", ["광주광역시 북구", "중외공원"]),
    ("나주 에너지밸리기업개발원", ["전라남도 나주시"]),
    (
        "목포시 스마트그린 산단 조성 ▲해남군 화원산단 ▲영암군 대불산단 ▲무안군 남악 ▲함평군 빛그린국가산단 "
        "▲영광군 대마산단 ▲완도군 해양바이오 ▲진도군 해양관광 ▲신안군",
        [
            "전라남도 목포시",
            "전라남도 해남군",
            "전라남도 영암군",
            "대불산단",
            "전라남도 무안군",
            "전라남도 함평군",
            "빛그린산단",
            "전라남도 영광군",
            "전라남도 완도군",
            "전라남도 진도군",
            "전라남도 신안군",
        ],
    ),
    ("서울 삼성 코엑스 콘퍼런스룸", ["서울특별시", "코엑스"]),
    ("한편 광주 광산구에는", ["광주광역시 광산구"]),
    ("미국·일본·유럽과의", ["미국", "일본", "유럽"]),
    ("카자흐스탄 고려인협회", ["카자흐스탄"]),
    ("우즈베키스탄", ["우즈베키스탄"]),
    ("키르기스스탄", ["키르기스스탄"]),
]


@pytest.mark.parametrize(("text", "expected"), REFERENCE, ids=[r[0][:20] for r in REFERENCE])
def test_reference_sentences(text, expected):
    assert names(text) == expected


def test_reference_hotel_sentence_gives_seoul():
    assert names("서울 웨스틴조선호텔")[:1] == ["서울특별시"]


# --- hierarchy and lookups ----------------------------------------------------------------------


def test_ancestors():
    bukgu = place_by_name("광주광역시 북구")
    assert bukgu is not None and bukgu.code == "KR-29-북구" and bukgu.level == 2
    assert [p.name for p in ancestors(bukgu)] == ["광주광역시"]
    janganu = place_by_code("KR-41-수원시-장안구")
    assert janganu is not None and janganu.kind == "district"
    assert [p.name for p in ancestors(janganu)] == ["경기도 수원시", "경기도"]
    park = place_by_name("중외공원")
    assert park is not None and park.level == 9
    assert [p.name for p in ancestors(park)] == ["광주광역시 북구", "광주광역시"]
    assert ancestors(place_by_name("광주광역시")) == []
    usa = place_by_code("C-US")
    assert usa is not None and usa.kind == "country" and ancestors(usa) == []


def test_place_kinds_and_levels():
    assert place_by_name("전라남도").kind == "province"
    assert place_by_name("전라남도 나주시").kind == "city_county_district"
    assert place_by_code("C-유럽").level == 0
    assert place_by_code("nope") is None


# --- properties ---------------------------------------------------------------------------------

FRAGMENTS = [
    "광주",
    "광주시",
    "북구",
    "광산",
    "광산구",
    "전남",
    "나주",
    "진도",
    "무안",
    "고성",
    "경기",
    "중외공원",
    "미국",
    "인도",
    "·",
    ", ",
    " ",
    "\n",
    "는",
    "에서",
    "가",
    "업",
    "이",
    "시민",
    "일보",
    "▲",
    "5·18민주광장",
    "서울",
    "강남",
    "a",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30), st.sampled_from([(), ("광주광역시",), ("경상남도",)]))
def test_mentions_sorted_non_overlapping_exact(parts, context):
    text = "".join(parts)
    mentions = find_places(text, context=context)
    last_end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end and m.end > m.start
        last_end = m.end
        assert place_by_code(m.place.code) == m.place
