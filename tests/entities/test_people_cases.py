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
    ("office-title-with-any-prefix", "김태곤 광주시 교통국장은 말했다.", {"김태곤": "광주시 교통국장"}),
    ("glued-county-head", "공영석 고흥군수는 말했다.", {"공영석": "고흥군수"}),
    # an envoy's post and an acronym are affiliation words between a name and its title
    ("envoy-post-before-title", "벤틀리 주일 미국대사는 말했다.", {"벤틀리": "주일 미국대사"}),
    ("acronym-before-title", "도하윤 UNFCCC 사무총장이 연설했다.", {"도하윤": "UNFCCC 사무총장"}),
    ("japanese-minister", "모리타 외무상은 말했다.", {"모리타": "외무상"}),
    ("commentator", "MBC 한도윤 해설위원은 말했다.", {"한도윤": "해설위원"}),
    # a title in apposition before a name, joined by the copula (인, 였던, 이자)
    ("appositive-title", "국방부장관인 채도윤은 말했다.", {"채도윤": "국방부장관"}),
    ("appositive-title-past", "협회 대표였던 박서윤은 웃었다.", {"박서윤": "대표"}),
    ("a-nationality-is-no-appositive-title", "외국인 유학생은 말했다.", {}),
    # a one-word foreign name before any title when its organization or country stands between them
    (
        "foreign-name-with-affiliation",
        "그는 웃었고, 라우렌토 칠레 외교부 대변인은 말했다.",
        {"라우렌토": "칠레 외교부 대변인"},
    ),
    # a two-word foreign name after a list joined by 와/과; a chamber of a legislature before the office
    (
        "foreign-two-words-after-and",
        "위원장과 마리아나 엘스트룀 민주당 상원의원이 왔다.",
        {"마리아나 엘스트룀": "민주당 상원의원"},
    ),
    ("title-then-bracket", "박경원 국회의원(광주 서구을)이 말했다.", {"박경원": "국회의원"}),
    ("unknown-company-between", "정인호 빛고을정밀 대표이사는 말했다.", {"정인호": "빛고을정밀 대표이사"}),
    ("name-with-age-and-school", "윤하랑(16·광주체고)이 우승했다.", {"윤하랑": None}),
    ("name-with-age-and-kin-title", "오성애(87) 할머니가 웃었다.", {"오성애": "할머니"}),
    (
        "ssi-chain-in-obituary",
        "김철웅(광주시청 교통정책과장)·김희정씨 모친상",
        {"김철웅": "광주시청 교통정책과장", "김희정": None},
    ),
    ("ssi-then-bracketed-position", "최영길씨(전 광주상공회의소 부회장) 별세", {"최영길": "전 광주상공회의소 부회장"}),
    ("market-is-not-a-title", "전통시장 상인회는 말했다.", {}),
    ("a-party-department-is-no-person", "노동당 행정부는 지시를 내렸다.", {}),
    ("author-in-apposition", "이 책의 저자인 김서연은 말했다.", {"김서연": "저자"}),
    ("sentence-end-before-government", "나서기 어렵다. 정부와 국회는 서둘러야 한다.", {}),
    ("no-person-in-common-words", "이번 협약은 이날 체결됐다. 양 기관은 협력하기로 했다.", {}),
    ("title-alone-is-no-person", "시장은 이날 기자회견을 열었다.", {}),
    # Justices, police and military ranks, broadcasters, heads of state, professions.
    ("justice", "주심 민서진 대법관은 판결했다.", {"민서진": "대법관"}),
    ("police-rank", "정하늘 경위와 윤바다 순경이 출동했다.", {"정하늘": "경위", "윤바다": "순경"}),
    ("military-rank", "서한결 병장의 공판은 미뤄졌다.", {"서한결": "병장"}),
    ("broadcaster", "김하람 아나운서가 진행을 맡았다.", {"김하람": "아나운서"}),
    ("head-of-state", "시진핑 국가주석이 방문했다.", {"시진핑": "국가주석"}),
    ("profession", "서지우 배우는 말했다. 조은솔 박사가 발표했다.", {"서지우": "배우", "조은솔": "박사"}),
    # a rank's word in its other sense, with no name before it, is no title
    ("circumstances-are-no-rank", "사건 경위를 조사했다. 소위 말하는 관행이다.", {}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_people(text: str, expected: dict) -> None:
    found = {p.name: p.title for p in find_people(text)}
    assert found == expected


SHORT_REFERENCES = [
    ("surname-title", "강기정 광주시장은 말했다. 강 시장은 덧붙였다.", "강기정", "강 시장"),
    ("province-governor", "김영록 전라남도지사가 방문했다. 김 지사는 말했다.", "김영록", "김 지사"),
    ("lawmaker", "이용빈 국회의원이 왔다. 이 의원은 말했다.", "이용빈", "이 의원"),
    ("bracket-after-title", "박경원 국회의원(광주 서구을)이 왔다. 박 의원은 말했다.", "박경원", "박 의원"),
    ("kin-title", "오성애(87) 할머니가 웃었다. 오 할머니는 말했다.", "오성애", "오 할머니"),
]


@pytest.mark.parametrize(
    ("text", "name", "short"), [c[1:] for c in SHORT_REFERENCES], ids=[c[0] for c in SHORT_REFERENCES]
)
def test_short_reference_resolves_within_article(text: str, name: str, short: str) -> None:
    person = next(p for p in find_people(text) if p.name == name)
    assert short in [m.text for m in person.mentions]
    for m in person.mentions:
        assert text[m.start : m.end] == m.text


# Anonymised people: a capital letter, or a surname and 모, an optional age, then 씨/양/군 and at most a particle.
ANONYMISED = [
    ("letter-ssi", "회사원 A씨가 다쳤다.", {"A씨": ["A씨"]}),
    ("letter-age-ssi", "운전자 B(34)씨는 웃었다.", {"B씨": ["B(34)씨"]}),
    ("surname-mo-age-ssi", "이웃 김모(45)씨의 말이다.", {"김모씨": ["김모(45)씨"]}),
    ("surname-mo-ssi", "최모씨는 돌아갔다.", {"최모씨": ["최모씨"]}),
    ("surname-mo-space-ssi", "박모 씨의 가게가 닫혔다.", {"박모씨": ["박모 씨"]}),
    ("surname-space-mo-space-ssi", "경찰은 정 모 씨를 불렀다.", {"정모씨": ["정 모 씨"]}),
    ("surname-space-mo-age-ssi", "이웃 윤 모(52) 씨가 신고했다.", {"윤모씨": ["윤 모(52) 씨"]}),
    ("a-certain-person-is-no-surname", "그는 모 씨에게 물었다.", {}),
    ("ssi-particle-robuteo", "강모씨로부터 돈을 받았다.", {"강모씨": ["강모씨"]}),
    ("letter-yang-and-gun", "C양과 D군은 같은 반이다.", {"C양": ["C양"], "D군": ["D군"]}),
    ("same-letter-twice-is-one-person", "E씨는 웃었다. 이어 E씨가 말했다.", {"E씨": ["E씨", "E씨"]}),
    ("paper-size-is-no-person", "A4 용지 한 묶음을 샀다.", {}),
    ("seed-is-no-person", "B씨앗을 심고 C씨름을 봤다.", {}),
    ("onion-and-army-are-no-people", "D양파와 E군대가 있다.", {}),
    ("mo-without-honorific-is-no-person", "김모 교수는 말했다.", {}),
    ("mo-after-no-surname-is-no-person", "규모 5의 지진에 여러 씨가 말랐다.", {}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in ANONYMISED], ids=[c[0] for c in ANONYMISED])
def test_anonymised_people(text: str, expected: dict) -> None:
    found = find_people(text)
    assert {p.name: [m.text for m in p.mentions] for p in found} == expected
    assert all(p.anonymous and p.title is None for p in found)
    assert all(text[m.start : m.end] == m.text for p in found for m in p.mentions)
