"""Table-driven cases for places named by their endings (venues, neighbourhoods)."""

from __future__ import annotations

import pytest

from sinmun.entities.suffix_places import find_suffix_places
from tests.helpers.entity_merging import merged_with_the_model_on

CASES = [
    ("arts-centre", "광주문화예술회관에서 열린다.", ["광주문화예술회관"]),
    ("archery-field", "진호국제양궁장에서 훈련했다.", ["진호국제양궁장"]),
    ("gym", "팔마체육관은 붐볐다.", ["팔마체육관"]),
    ("bridge", "천사대교를 건너면 섬이다.", ["천사대교"]),
    ("funeral-hall", "빛고을장례식장, 발인 7일", ["빛고을장례식장"]),
    ("village", "펭귄마을 골목을 걸었다.", ["펭귄마을"]),
    ("industrial-complex", "첨단산단과 대양산업단지에 입주한다.", ["첨단산단", "대양산업단지"]),
    ("station", "순천역 광장에서 만났다.", ["순천역"]),
    ("expressway", "호남고속도로가 막혔다.", ["호남고속도로"]),
    (
        "road-facilities",
        "행담도휴게소∼서평택나들목, 당진분기점과 서울요금소가 붐볐다.",
        ["행담도휴게소", "서평택나들목", "당진분기점", "서울요금소"],
    ),
    ("a-turning-point-is-no-junction", "이번 선거가 분기점이 됐다. 휴게소에 들렀다.", []),
    ("buildings-and-towers", "러셀빌딩과 남산타워에 올랐다.", ["러셀빌딩", "남산타워"]),
    ("a-facility-word-ending-a-list", "소요시간(승용차·요금소 기준)은 6시간", []),
    ("neighbourhood", "신가동과 용봉동 주민들", ["신가동", "용봉동"]),
    ("township", "진도읍과 진도군 산동면, 남동리", ["진도읍", "산동면", "남동리"]),
    ("township-before-particle", "봉래면에서 열렸다.", ["봉래면"]),
    ("verb-ending-is-no-township", "다리를 건너면 섬이다.", []),
    ("common-words-are-not-places", "봉사활동과 일자리, 측면 지원, 지역 무역, 마을, 공원", []),
    ("short-station-like-words", "지역 역할과 역량", []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_suffix_places(text: str, expected: list[str]) -> None:
    found = find_suffix_places(text)
    assert [name for name, _, _ in found] == expected
    for name, start, end in found:
        assert text[start:end] == name


# Words that end like a town or a station, read with Kiwi and weighed in the merge with the model's spans:
# (name, body, whether the model also marks the word as LC, the places kept).
KIWI_CASES = [
    ("signature-campaign", "주민들은 반대 서명운동을 벌였다.", False, []),
    ("model-marks-it-too", "주민들은 반대 서명운동을 벌였다.", True, []),
    ("accident-zone", "구조대가 피해지역에서 수색을 이어갔다.", False, []),
    ("prison-term", "재판부는 그에게 유기징역을 선고했다.", True, []),
    ("case-handling", "검찰은 신속처리 방침을 정했다.", False, []),
    ("outdoor-activity", "노인들은 야외활동을 줄였다.", True, []),
    ("neighbourhood-kiwi-knows", "그는 종로구 청운동에서 자랐다.", True, ["청운동"]),
    ("neighbourhood-without-the-model", "주민들은 신가동 행정복지센터에 모였다.", False, ["신가동"]),
    ("district-after-a-proper-noun", "행사는 평양 대성구역에서 열렸다.", True, ["대성구역"]),
]


@pytest.mark.parametrize(
    ("body", "model_marks", "expected"), [c[1:] for c in KIWI_CASES], ids=[c[0] for c in KIWI_CASES]
)
def test_word_ending_like_a_place_in_a_common_noun(body: str, model_marks: bool, expected: list[str]) -> None:
    merged = merged_with_the_model_on(body, _guessed_place, "LC", model_marks)
    assert [e["name"] for e in merged if _guessed_place(e)] == expected


def _guessed_place(entity: dict) -> bool:
    return entity["type"] == "LOCATION" and entity.get("place_code") is None
