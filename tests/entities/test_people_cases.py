"""Table-driven cases for people, titles and short references (no Kiwi: the rules alone)."""

from __future__ import annotations

import pytest

from sinmun.entities.people import find_people

CASES = [
    ("glued-title", "강기정 광주시장은 약속했다.", {"강기정": "광주시장"}),
    ("org-glued-title", "김준하 인공지능산업융합사업단장은 말했다.", {"김준하": "인공지능산업융합사업단장"}),
    ("org-then-title", "김동근 한국광산업진흥회 상근부회장은 말했다.", {"김동근": "한국광산업진흥회 상근부회장"}),
    (
        "shared-title",
        "이용빈·민형배 국회의원, 최지현·박수기 시의원이 참석했다.",
        {"이용빈": "국회의원", "민형배": "국회의원", "최지현": "시의원", "박수기": "시의원"},
    ),
    ("country-org-title", "신유리 카자흐스탄 고려인협회 회장이 왔다.", {"신유리": "카자흐스탄 고려인협회 회장"}),
    (
        "foreign-two-words",
        "교민, 김 알렉산드라 우즈베키스탄 고려인협회 부회장 등이 왔다.",
        {"김 알렉산드라": "우즈베키스탄 고려인협회 부회장"},
    ),
    (
        "foreign-first-word-looks-like-particle",
        "교민, 지가이 빅토리아 키르기스스탄 고려인협회 부회장 등",
        {"지가이 빅토리아": "키르기스스탄 고려인협회 부회장"},
    ),
    ("district-head", "박병규 광산구청장이 인사했다.", {"박병규": "광산구청장"}),
    ("university-president", "박상철 호남대학교 총장은 밝혔다.", {"박상철": "호남대학교 총장"}),
    ("ssi-with-age", "운전자 김철수(45)씨가 다쳤다.", {"김철수": None}),
    ("ssi-with-position", "김철호(광주시청 과장)씨 모친상", {"김철호": "광주시청 과장"}),
    (
        "notice-title-first",
        "◇광주시 ▲기획조정실장 김태호 ▲문화체육실장 이은정",
        {"김태호": "기획조정실장", "이은정": "문화체육실장"},
    ),
    ("government-of", "윤석열 정부 국정 과제이자 핵심사업이다.", {"윤석열": None}),
    ("no-person-in-common-words", "이번 협약은 이날 체결됐다. 양 기관은 협력하기로 했다.", {}),
    ("title-alone-is-no-person", "시장은 이날 기자회견을 열었다.", {}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_people(text: str, expected: dict) -> None:
    found = {p.name: p.title for p in find_people(text)}
    assert found == expected


SHORT_REFERENCES = [
    ("surname-title", "강기정 광주시장은 말했다. 강 시장은 덧붙였다.", "강기정", "강 시장"),
    ("province-governor", "김영록 전라남도지사가 방문했다. 김 지사는 말했다.", "김영록", "김 지사"),
    ("lawmaker", "이용빈 국회의원이 왔다. 이 의원은 말했다.", "이용빈", "이 의원"),
]


@pytest.mark.parametrize(
    ("text", "name", "short"), [c[1:] for c in SHORT_REFERENCES], ids=[c[0] for c in SHORT_REFERENCES]
)
def test_short_reference_resolves_within_article(text: str, name: str, short: str) -> None:
    person = next(p for p in find_people(text) if p.name == name)
    assert short in [m.text for m in person.mentions]
    for m in person.mentions:
        assert text[m.start : m.end] == m.text
