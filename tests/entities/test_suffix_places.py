"""Table-driven cases for places named by their endings (venues, neighbourhoods)."""

from __future__ import annotations

import pytest

from sinmun.entities.suffix_places import find_suffix_places

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
