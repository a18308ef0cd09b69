"""Table-driven cases for organizations, declared aliases, and whole-article entity assembly."""

from __future__ import annotations

import pytest

from sinmun.entities.extract import article_entities, merge_recognized
from sinmun.entities.organizations import find_organizations
from sinmun.entities.recognizer import RecognizedSpan
from tests.helpers.entity_merging import merged_with_the_model_on, rules_with_tokens

ORG_CASES = [
    ("association", "한국광산업진흥회가 참여했다.", ["한국광산업진흥회"]),
    ("project-group", "인공지능산업융합사업단과 손을 잡았다.", ["인공지능산업융합사업단"]),
    ("university", "호남대학교에서 열렸다.", ["호남대학교"]),
    ("foundation", "광주관광재단 홈페이지에서 확인할 수 있다.", ["광주관광재단"]),
    ("public-corporation", "한국전력공사, 전남테크노파크 등이 참석했다.", ["한국전력공사", "전남테크노파크"]),
    ("research-institute", "한국전자기술연구원은 밝혔다.", ["한국전자기술연구원"]),
    ("ministry-from-list", "법무부 통계로는 4700여명이다.", ["법무부"]),
    ("ministry-long-name", "중소벤처기업부 핵심사업으로 발표했다.", ["중소벤처기업부"]),
    ("ministry-short-form", "산업부는 이날 발표했다.", ["산업통상자원부"]),
    ("party-without-ending", "국민의힘과 더불어민주당이 합의했다.", ["국민의힘", "더불어민주당"]),
    ("company-card", "하나카드 자료 분석 결과다.", ["하나카드"]),
    ("hotel", "서울 웨스틴조선호텔에서 열린다.", ["웨스틴조선호텔"]),
    ("federation", "세계고려인단체총연합회 출범을 축하한다.", ["세계고려인단체총연합회"]),
    ("broadcaster", "지난 5일 방송된 SBS 예능에서 공개됐다.", ["SBS"]),
    ("broadcaster-by-its-korean-name", "엠넷 오디션 무대에 올랐다.", ["Mnet"]),
    # The presidential office and the European Union act as bodies (like 백악관), whatever building or map they have.
    ("presidential-office", "청와대는 이날 발표했다.", ["청와대"]),
    ("european-union-by-its-short-form", "EU 집행위원들이 모였다.", ["유럽연합"]),
    ("generic-words-are-not-orgs", "정부는 관계 기관과 협회, 센터, 학교에 알렸다.", []),
    ("known-alias-maps-to-canonical", "한전은 전력망을 늘린다.", ["한국전력공사"]),
    ("ending-like-a-particle", "서부소방서 관계자는 말했다.", ["서부소방서"]),
    # A middle dot lists names: each item that names an organization by itself is one of its own.
    ("dot-list-of-endings", "소방청·광주경찰청·북부소방서 직원들이 나왔다.", ["소방청", "광주경찰청", "북부소방서"]),
    ("dot-list-of-known-names", "법무부·산업부는 합의했다.", ["법무부", "산업통상자원부"]),
    ("dot-list-particle-on-last-item", "한국전력공사·전남테크노파크와 협약했다.", ["한국전력공사", "전남테크노파크"]),
    # 경찰서 ends in 서, which is also a particle (에서): only the word's last item carries a particle.
    ("dot-list-item-ending-like-a-particle", "북부경찰서·남부소방서에 알렸다.", ["북부경찰서", "남부소방서"]),
    # An item that names nothing by itself shares the next one's head: one name.
    ("dot-list-shared-head", "광주·전남혁신도시협의회가 출범했다.", ["광주·전남혁신도시협의회"]),
    ("dot-list-shared-head-short", "시·군의회 의원들이 모였다.", ["시·군의회"]),
    # A count before a name (a tally: 12명·호남대병원 8명) is no part of it.
    ("dot-list-count-before-name", "환자는 전남대병원 12명·호남대병원 8명이다.", ["전남대병원", "호남대병원"]),
    # Courts, prosecutors' offices and police units by their short names (지법, 고법, 지검, 고검, 지청, 경찰대).
    ("district-court", "사건을 광주지법으로 돌려보냈다.", ["광주지법"]),
    ("high-court", "대전고법 형사1부는 판결했다.", ["대전고법"]),
    ("central-district-court", "서울중앙지법에서 열렸다.", ["서울중앙지법"]),
    ("branch-office", "고용노동부 목포지청은 밝혔다.", ["고용노동부", "목포지청"]),
    ("police-unit", "인천공항경찰대는 밝혔다.", ["인천공항경찰대"]),
    ("a-court-without-its-place-is-no-name", "사건은 고법에서 다뤄진다.", []),
    ("tax-office", "목포세무서는 밝혔다.", ["목포세무서"]),
    ("public-health-centre", "북구보건소에서 검사를 받았다.", ["북구보건소"]),
    ("a-health-centre-without-a-name", "보건소에서 검사를 받았다.", []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in ORG_CASES], ids=[c[0] for c in ORG_CASES])
def test_organizations(text: str, expected: list[str]) -> None:
    assert [o.name for o in find_organizations(text)] == expected


def test_declared_alias_names_the_organization() -> None:
    text = "인공지능산업융합사업단(이하 AI사업단)은 밝혔다. AI사업단은 앞서 협약을 맺었다."
    [org] = find_organizations(text)
    assert org.name == "인공지능산업융합사업단"
    assert org.aliases == ["AI사업단"]
    assert [m.text for m in org.mentions] == ["인공지능산업융합사업단", "AI사업단"]
    for m in org.mentions:
        assert text[m.start : m.end] == m.text


def test_bracketed_short_form_is_an_alias() -> None:
    [org] = find_organizations("한국토지주택공사(LH)는 발표했다. LH는 또 밝혔다.")
    assert org.name == "한국토지주택공사" and "LH" in org.aliases and len(org.mentions) == 2


def test_alias_glued_to_a_title_is_still_a_mention() -> None:
    text = "인공지능산업융합사업단(이하 AI사업단)이 밝혔다. AI사업단장은 말했다."
    [org] = find_organizations(text)
    assert [m.text for m in org.mentions] == ["인공지능산업융합사업단", "AI사업단"]


def _entities(body: str, headline: str | None = None) -> dict[tuple[str, str], dict]:
    article = {"kind": "news", "headline": headline, "body": body}
    return {(e["type"], e["name"]): e for e in article_entities(article)}


# An organization that is also a building is a venue where it is written as where something happens or where someone
# is taken; its other mentions stay the organization's. (name, body, [(type, name, mention texts)])
VENUE_CASES = [
    ("an-event-at-a-hotel", "행사는 한빛호텔에서 열렸다.", [("LOCATION", "한빛호텔", ["한빛호텔"])]),
    ("taken-to-a-hospital", "그는 새솔병원으로 이송됐다.", [("LOCATION", "새솔병원", ["새솔병원"])]),
    (
        "the-same-hospital-speaking",
        "새솔병원은 밝혔다. 새솔병원에서 치료 중이다.",
        [("LOCATION", "새솔병원", ["새솔병원"]), ("ORG", "새솔병원", ["새솔병원"])],
    ),
    ("a-hospital-as-a-source", "새솔병원에 따르면 환자는 회복했다.", [("ORG", "새솔병원", ["새솔병원"])]),
    ("at-a-museum-as-a-topic", "한빛미술관에서는 전시가 열린다.", [("ORG", "한빛미술관", ["한빛미술관"])]),
    ("a-body-that-is-no-building", "한빛재단에서 입장을 밝혔다.", [("ORG", "한빛재단", ["한빛재단"])]),
]


# An organization named as a place: its building or room after its name is one mention of that place; a place by it
# or a visit to it makes its name a place's. (name, body, [(type, name, mention texts)])
PREMISES_CASES = [
    (
        "a-prosecutors-office-building",
        "이날 한빛지검 청사 앞에는 시민들이 모였다.",
        [("LOCATION", "한빛지검 청사", ["한빛지검 청사"])],
    ),
    (
        "a-numbered-annex",
        "새솔지방법원 제3별관 옥상에서",
        [("LOCATION", "새솔지방법원 제3별관", ["새솔지방법원 제3별관"])],
    ),
    (
        "a-hospitals-funeral-hall",
        "시신은 새솔병원 장례식장에 안치됐다.",
        [("LOCATION", "새솔병원 장례식장", ["새솔병원 장례식장"])],
    ),
    (
        "near-a-university",
        "불이 나 한빛대학교 인근 거리가 연기로 덮였다.",
        [("LOCATION", "한빛대학교", ["한빛대학교"])],
    ),
    (
        "visiting-a-police-station",
        "그는 한빛경찰서를 방문했다가 붙잡혔다.",
        [("LOCATION", "한빛경찰서", ["한빛경찰서"])],
    ),
    (
        "the-same-body-acting-elsewhere",
        "한빛대학교는 밝혔다. 한빛대학교 정문에서 만났다.",
        [("ORG", "한빛대학교", ["한빛대학교"]), ("LOCATION", "한빛대학교 정문", ["한빛대학교 정문"])],
    ),
    # a venue and the place by it, named by two rules, are one place
    (
        "a-hospital-as-venue-and-landmark",
        "행사는 새솔병원에서 열렸다. 새솔병원 인근 도로가 막혔다.",
        [("LOCATION", "새솔병원", ["새솔병원", "새솔병원"])],
    ),
    ("inside-a-resort", "한빛리조트 내 건물이 무너졌다.", [("LOCATION", "한빛리조트", ["한빛리조트"])]),
    (
        "an-event-held-there",
        "국정감사가 한국철도공사에서 열렸다.",
        [("LOCATION", "코레일", ["한국철도공사"])],  # the organization's canonical name
    ),
    # from now on (앞으로), an organization's inside and a generic institution are no place
    ("from-now-on", "한빛전자 앞으로 보낸 서한", [("ORG", "한빛전자", ["한빛전자"])]),
    ("inside-a-party", "더불어민주당 내 비주류가 반발했다.", [("ORG", "더불어민주당", ["더불어민주당"])]),
    ("before-the-prosecution", "그는 대검찰청 앞에서 기자회견을 했다.", [("LOCATION", "대검찰청", ["대검찰청"])]),
    ("a-minister-is-no-room", "국토교통부 장관은 말했다.", [("ORG", "국토교통부", ["국토교통부"])]),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in PREMISES_CASES], ids=[c[0] for c in PREMISES_CASES])
def test_an_organizations_premises_are_a_place(body: str, expected: list) -> None:
    found = article_entities({"kind": "news", "body": body})
    assert sorted((e["type"], e["name"], [m["text"] for m in e["mentions"]]) for e in found) == sorted(expected)


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in VENUE_CASES], ids=[c[0] for c in VENUE_CASES])
def test_an_organizations_building_where_things_happen_is_a_venue(body: str, expected: list) -> None:
    found = article_entities({"kind": "news", "body": body})
    assert [(e["type"], e["name"], [m["text"] for m in e["mentions"]]) for e in found] == expected


# A unit written after its organization is one mention of both. (name, body, {(name, mention texts)} of the ORGs)
UNIT_CASES = [
    (
        "a-committee-of-the-assembly",
        "국회 정보위원회 위원들은 회의를 열었다.",
        {("국회", ("국회 정보위원회",)), ("정보위원회", ("국회 정보위원회",))},
    ),
    (
        "a-ministrys-branch",
        "고용노동부 목포지청은 점검에 나섰다.",
        {("고용노동부", ("고용노동부 목포지청",)), ("목포지청", ("고용노동부 목포지청",))},
    ),
    (
        "a-broadcasters-association",
        "KBS 기자협회는 성명을 냈다.",
        {("KBS", ("KBS 기자협회",)), ("기자협회", ("KBS 기자협회",))},
    ),
    # two organizations side by side that are no unit of one another stay apart
    ("two-companies", "한빛재단 한빛전자가 협약했다.", {("한빛재단", ("한빛재단",)), ("한빛전자", ("한빛전자",))}),
    # a unit's word with a particle between is its own noun phrase
    (
        "a-particle-between",
        "국회의 정보위원회가 열렸다.",
        {("국회", ("국회",)), ("정보위원회", ("정보위원회",))},
    ),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in UNIT_CASES], ids=[c[0] for c in UNIT_CASES])
def test_a_unit_after_its_organization_is_one_mention_of_both(body: str, expected: set) -> None:
    found = article_entities({"kind": "news", "body": body})
    assert {(e["name"], tuple(m["text"] for m in e["mentions"])) for e in found if e["type"] == "ORG"} == expected


# An address (divisions written from the largest down) is one mention, and a mention of each division it names.
# (name, body, {(place name, place code, mention texts)} of the article's places)
ADDRESS_CASES = [
    (
        "city-and-district",
        "행사가 광주 북구 일원에서 열렸다.",
        {("광주광역시 북구", "KR-29-북구", ("광주 북구",)), ("광주광역시", "KR-29", ("광주 북구",))},
    ),
    (
        "province-city-district",
        "경기 수원시 팔달구에서 불이 났다.",
        {
            ("경기도 수원시 팔달구", "KR-41-수원시-팔달구", ("경기 수원시 팔달구",)),
            ("경기도 수원시", "KR-41-수원시", ("경기 수원시 팔달구",)),
            ("경기도", "KR-41", ("경기 수원시 팔달구",)),
        },
    ),
    # a 동 the gazetteer does not hold ends an address too
    (
        "a-dong-ends-the-address",
        "서울 강서구 화곡동의 주택에서",
        {
            ("서울특별시 강서구", "KR-11-강서구", ("서울 강서구 화곡동",)),
            ("서울특별시", "KR-11", ("서울 강서구 화곡동",)),
            ("화곡동", None, ("서울 강서구 화곡동",)),
        },
    ),
    (
        "a-dong-after-a-city",
        "남양주시 별내동의 한 아파트",
        {("경기도 남양주시", "KR-41-남양주시", ("남양주시 별내동",)), ("별내동", None, ("남양주시 별내동",))},
    ),
    # an ambiguous short form (광주: 광주광역시 or 경기도 광주시) is the one the district lies in
    (
        "the-city-the-district-lies-in",
        "광주, 부산 북구 주민들",
        {
            ("광주광역시", "KR-29", ("광주",)),
            ("부산광역시 북구", "KR-26-북구", ("부산 북구",)),
            ("부산광역시", "KR-26", ("부산 북구",)),
        },
    ),
    # a named place or a venue after an address keeps a mention of its own (the reference page reads 무안군 so)
    (
        "named-place-after-an-address",
        "광주 북구 중외공원 일원에서 열렸다.",
        {
            ("광주광역시 북구", "KR-29-북구", ("광주 북구",)),
            ("광주광역시", "KR-29", ("광주 북구",)),
            ("중외공원", "N-중외공원", ("중외공원",)),
        },
    ),
    (
        "a-venue-after-its-county",
        "▲무안군 항공특화산단 조성",
        {("전라남도 무안군", "KR-46-무안군", ("무안군",)), ("항공특화산단", None, ("항공특화산단",))},
    ),
    # countries side by side lie in none of one another
    (
        "countries-side-by-side",
        "수출은 미국 일본 중국 순이었다.",
        {("미국", "C-US", ("미국",)), ("일본", "C-JP", ("일본",)), ("중국", "C-CN", ("중국",))},
    ),
    # places side by side that do not lie in one another stay apart
    (
        "three-provinces",
        "서울 부산 대구 순으로 많았다.",
        {("서울특별시", "KR-11", ("서울",)), ("부산광역시", "KR-26", ("부산",)), ("대구광역시", "KR-27", ("대구",))},
    ),
    # a word that only ends like a 동 is no division without a place before it
    ("no-division-before-the-word", "운동 경기가 열렸다.", set()),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in ADDRESS_CASES], ids=[c[0] for c in ADDRESS_CASES])
def test_an_address_is_one_mention_of_each_division_in_it(body: str, expected: set) -> None:
    found = article_entities({"kind": "news", "body": body})
    assert {
        (e["name"], e["place_code"], tuple(m["text"] for m in e["mentions"])) for e in found if e["type"] == "LOCATION"
    } == expected


def test_article_short_forms_of_one_place_are_one_entity() -> None:
    ents = _entities("광주시는 밝혔다. 광주광역시 관계자는 광주의 미래를 말했다.")
    city = ents[("LOCATION", "광주광역시")]
    assert [m["text"] for m in city["mentions"]] == ["광주시", "광주광역시", "광주"]


def test_article_glued_affiliation_is_an_organization() -> None:
    ents = _entities("김현철 한국인공지능협회장은 약속했다.")
    assert ents[("PERSON", "김현철")]["title"] == "한국인공지능협회장"
    assert ("ORG", "한국인공지능협회") in ents


def test_headline_hanja_surname_resolves_to_the_article_person() -> None:
    ents = _entities("윤석열 대통령은 21일 광주를 찾았다. 윤 대통령은 말했다.", headline='尹 "광주 발전 돕겠다"')
    person = ents[("PERSON", "윤석열")]
    assert person["title"] == "대통령"
    texts = [(m["text"], m.get("field", "body")) for m in person["mentions"]]
    assert ("尹", "headline") in texts and ("윤 대통령", "body") in texts


def test_person_mention_keeps_title_as_written() -> None:
    ents = _entities("강기정 광주시장은 말했다. 강 시장은 덧붙였다.")
    mentions = ents[("PERSON", "강기정")]["mentions"]
    assert [(m["text"], m.get("title")) for m in mentions] == [("강기정", "광주시장"), ("강 시장", "시장")]


# Words that end like an organization, read with Kiwi and weighed in the merge with the model's spans:
# (name, body, whether the model marks the word as OG, the organizations kept).
KIWI_CASES = [
    ("religious-bodies", "그는 여러 종교단체에 기부했다.", False, []),
    ("rescue-request", "선장은 구조요청을 보냈다.", False, []),
    ("dance-group", "그는 댄스그룹 출신 배우다.", False, []),
    ("the-model-sees-a-name", "그는 종교단체에 기부했다.", True, ["종교단체"]),
    ("a-name-with-a-proper-noun", "한빛전자는 공장을 지었다.", False, ["한빛전자"]),
    ("a-generic-institution-stays", "도교육청은 지침을 내렸다.", False, ["도교육청"]),
    # common nouns after a determiner, or before the name they describe, describe a kind of body, whatever the model
    ("a-township-office", "그는 한 면사무소에서 근무했다.", True, []),
    ("several-religious-bodies", "그는 여러 종교단체에 기부했다.", True, []),
    ("each-education-office", "각 시·도교육청에 따르면 수업이 늘었다.", True, []),
    ("a-low-cost-carrier-named-after", "저비용항공사 제주항공이 신입을 뽑는다.", True, ["제주항공"]),
    ("an-association-named-in-quotes", "그는 사회복지단체 '나눔'을 세웠다.", True, []),
    # a name the words are themselves
    ("an-institute-by-its-name", "국립과학수사연구원으로부터 결과를 통보받았다.", True, ["국립과학수사연구원"]),
    ("a-hospital-before-a-count", "격리자는 대청병원 74명이었다.", True, ["대청병원"]),
    ("a-proper-noun-in-it", "한 한빛전자 직원이 말했다.", True, ["한빛전자"]),
]


@pytest.mark.parametrize(
    ("body", "model_marks", "expected"), [c[1:] for c in KIWI_CASES], ids=[c[0] for c in KIWI_CASES]
)
def test_a_description_of_a_kind_of_body_is_no_name(body: str, model_marks: bool, expected: list[str]) -> None:
    merged = merged_with_the_model_on(body, lambda e: e["type"] == "ORG", "OG", model_marks)
    assert [e["name"] for e in merged if e["type"] == "ORG"] == expected


NESTED_PLACE_CASES = [
    # A place written as a word of an organization's name is no mention of the place: the organization is.
    ("prosecutors-office", "수원지검 강력부는 그를 기소했다.", [("ORG", "수원지검", ["수원지검"])]),
    ("city-hall", "서울시청은 집회를 허가했다.", [("ORG", "서울시청", ["서울시청"])]),
    ("in-front-of-the-city-hall", "서울시청 앞에서 집회가 열렸다.", [("LOCATION", "서울시청", ["서울시청"])]),
    (
        "a-place-before-the-name-stands-alone",
        "그는 서울 강남경찰서에 고소했다.",
        [("ORG", "강남경찰서", ["강남경찰서"]), ("LOCATION", "서울특별시", ["서울"])],
    ),
    # a country before an organization stays a place too (the reference page reads 카자흐스탄 in 카자흐스탄 고려인협회)
    (
        "a-country-before-an-association",
        "우즈베키스탄 고려인협회는 밝혔다.",
        [("ORG", "고려인협회", ["고려인협회"]), ("LOCATION", "우즈베키스탄", ["우즈베키스탄"])],
    ),
    (
        "the-same-place-written-alone-later",
        "무안군의회 의장이 무안군을 찾았다.",
        [("ORG", "무안군의회", ["무안군의회"]), ("LOCATION", "전라남도 무안군", ["무안군"])],
    ),
    # A country's or a region's institution written after its name is that place's, an organization of its own.
    ("a-countrys-government", "중국 정부는 이날 발표했다.", [("ORG", "중국 정부", ["중국 정부"])]),
    ("a-countrys-police", "홍콩 경찰이 시위대를 막았다.", [("ORG", "홍콩 경찰", ["홍콩 경찰"])]),
    ("a-countrys-parliament", "미국 의회 전문매체가 보도했다.", [("ORG", "미국 의회", ["미국 의회"])]),
    # the generic word inside is no mention of the generic institution
    (
        "a-countrys-national-assembly",
        "미국 국회가 열렸다. 국회는 휴회했다.",
        [("ORG", "국회", ["국회"]), ("ORG", "미국 국회", ["미국 국회"])],
    ),
    (
        "two-governments",
        "일본 정부와 중국 정부가 맞섰다.",
        [("ORG", "일본 정부", ["일본 정부"]), ("ORG", "중국 정부", ["중국 정부"])],
    ),
    # after a country's name, its ministries and agencies too; after a city's, not
    ("a-countrys-ministry", "독일 재무부는 이날 발표했다.", [("ORG", "독일 재무부", ["독일 재무부"])]),
    ("a-countrys-agency", "미국 항공우주국이 공개했다.", [("ORG", "미국 항공우주국", ["미국 항공우주국"])]),
    ("a-countrys-army", "이라크 정부군이 진격했다.", [("ORG", "이라크 정부군", ["이라크 정부군"])]),
    ("a-countrys-inside-is-no-agency", "중국 내부에서 반발했다.", [("LOCATION", "중국", ["중국"])]),
    # a longer word is no institution (정부안, 경찰관), and a particle between the two makes two noun phrases
    ("a-longer-word-is-none", "중국 정부안을 검토했다.", [("LOCATION", "중국", ["중국"])]),
    ("a-particle-between", "중국의 정부는 말했다.", [("LOCATION", "중국", ["중국"])]),
    ("a-police-officer", "일본 경찰관이 왔다.", [("LOCATION", "일본", ["일본"])]),
]


@pytest.mark.parametrize(
    ("body", "expected"), [c[1:] for c in NESTED_PLACE_CASES], ids=[c[0] for c in NESTED_PLACE_CASES]
)
def test_a_place_inside_an_organizations_name_is_no_place_mention(body: str, expected: list) -> None:
    found = article_entities({"kind": "news", "body": body})
    assert [(e["type"], e["name"], [m["text"] for m in e["mentions"]]) for e in found] == expected


# The same reading of the model's own spans, and abbreviations spelled out in common nouns: a term, not a body.
# (name, body, the text of the model's OG span (its last occurrence), whether it is kept)
MODEL_DESCRIPTION_CASES = [
    ("a-girl-group-before-its-name", "걸그룹 '여자친구'가 일본에 간다.", "걸그룹", False),
    ("every-provincial-police-agency", "모든 지방경찰청에 본부를 둔다.", "지방경찰청", False),
    ("a-broadcaster-by-its-name", "엠넷 '슈퍼스타K5'에서 우승했다.", "엠넷", True),
    ("a-treaty", "양국은 자유무역협정(FTA)을 맺었다.", "FTA", False),
    ("a-term-written-again", "주당순자산가치(BPS)를 구했다. BPS는 올랐다.", "BPS", False),
    ("a-term-spelled-out-after", "VR(가상현실) 기기를 샀다.", "VR", False),
    ("a-body-by-its-proper-name", "세계보건기구(WHO)는 경고했다.", "WHO", True),
    ("a-body-by-its-ending", "중앙재난대책본부(CDH)가 꾸려졌다.", "CDH", True),
    ("a-national-agency", "미국 항공우주국(NASA)이 발표했다.", "NASA", True),
]


@pytest.mark.parametrize(
    ("body", "span_text", "kept"), [c[1:] for c in MODEL_DESCRIPTION_CASES], ids=[c[0] for c in MODEL_DESCRIPTION_CASES]
)
def test_the_models_description_of_a_kind_of_body_is_no_name(body: str, span_text: str, kept: bool) -> None:
    found, tokens = rules_with_tokens(body)
    start = body.rindex(span_text)
    model = [RecognizedSpan(start, start + len(span_text), "OG", 0.95)]
    merged = merge_recognized([e for e in found if e["type"] != "ORG"], model, body, tokens)
    assert (span_text in [m["text"] for e in merged if e["type"] == "ORG" for m in e["mentions"]]) is kept
