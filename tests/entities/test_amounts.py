"""Table-driven cases for amounts in Korean news text; one rule per case."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinmun.entities.amounts import AmountMention, find_amounts, korean_number

# (id, text, [(mention text, value, unit, approximate), ...])
CASES = [
    # --- money -----------------------------------------------------------------------------------------------
    ("man-won", "시설 개선비를 2000만원에서", [("2000만원", 20_000_000, "KRW", False)]),
    ("eok-won", "1억원까지 지원한다", [("1억원", 100_000_000, "KRW", False)]),
    ("hundreds-of-eok", "사업비 850억원을 투입", [("850억원", 85_000_000_000, "KRW", False)]),
    ("jo-and-eok", "1조2000억원 규모", [("1조2000억원", 1_200_000_000_000, "KRW", False)]),
    ("eok-and-man", "3억5000만원을", [("3억5000만원", 350_000_000, "KRW", False)]),
    ("groups-spaced", "1억 2000만 원", [("1억 2000만 원", 120_000_000, "KRW", False)]),
    ("comma-thousands", "입장료 1,500원", [("1,500원", 1500, "KRW", False)]),
    ("man-and-rest", "39만9000원에 판매", [("39만9000원", 399_000, "KRW", False)]),
    ("cheon-man", "5천만원", [("5천만원", 50_000_000, "KRW", False)]),
    ("decimal-eok", "1.5억원", [("1.5억원", 150_000_000, "KRW", False)]),
    ("dollars-spaced", "5000만 달러를 투자", [("5000만 달러", 50_000_000, "USD", False)]),
    ("won-band", "1억원대 아파트", [("1억원대", 100_000_000, "KRW", True)]),
    # --- counts ----------------------------------------------------------------------------------------------
    ("units-man-and-rest", "20만2000대를 생산", [("20만2000대", 202_000, "units", False)]),
    ("people-yeo", "3000여명이 참석", [("3000여명", 3000, "people", True)]),
    ("people-yeo-small", "200여명이 참석했다", [("200여명", 200, "people", True)]),
    ("people-yeo-spaced", "부서장 20여 명이", [("20여 명", 20, "people", True)]),
    ("people-yak", "약 300명이 모였다", [("약 300명", 300, "people", True)]),
    ("people-garyang", "300명가량", [("300명가량", 300, "people", True)]),
    ("places-anpak", "15곳 안팎을 선정", [("15곳 안팎", 15, "units", True)]),
    ("items-range", "2~3개의 특구", [("2~3개", 2, "units", True)]),
    ("items", "권역별 10개를 조성", [("10개", 10, "units", False)]),
    ("cases", "민원 35건", [("35건", 35, "units", False)]),
    ("households", "120가구 입주", [("120가구", 120, "units", False)]),
    ("countries-as-written", "15개국 참가", [("15개국", 15, "개국", False)]),
    ("su-cheon", "수천명이 몰렸다", [("수천명", 1000, "people", True)]),
    ("su-baek-eok", "수백억원대", [("수백억원대", 10_000_000_000, "KRW", True)]),
    ("yeo-without-counter-is-count", "1000여 AI 기업들은", [("1000여", 1000, "count", True)]),
    ("group-without-counter-is-count", "전 세계 55만 고려인을", [("55만", 550_000, "count", False)]),
    # --- ratios and sizes ------------------------------------------------------------------------------------
    ("percent", "12.4% 증가", [("12.4%", 12.4, "percent", False)]),
    ("percent-word", "10퍼센트", [("10퍼센트", 10, "percent", False)]),
    ("percentage-point", "2.3%p 상승", [("2.3%p", 2.3, "percentage_point", False)]),
    ("percent-band", "3%대 성장", [("3%대", 3, "percent", True)]),
    ("times", "3.5배 늘었다", [("3.5배", 3.5, "times", False)]),
    ("km-symbol", "12.5㎞ 구간", [("12.5㎞", 12.5, "km", False)]),
    ("km-latin-spaced", "12.5 km 구간", [("12.5 km", 12.5, "km", False)]),
    ("metres-before-particle", "100m를 달렸다", [("100m", 100, "m", False)]),
    ("square-metres", "3300㎡ 규모", [("3300㎡", 3300, "m2", False)]),
    ("tonnes", "500톤", [("500톤", 500, "t", False)]),
    ("hectares", "20ha", [("20ha", 20, "ha", False)]),
    ("pyeong-as-written", "30평", [("30평", 30, "평", False)]),
    # --- ranges ----------------------------------------------------------------------------------------------
    ("range-shared-group", "3~5만원", [("3~5만원", 30_000, "KRW", True)]),
    ("range-both-with-unit", "3만원~5만원", [("3만원~5만원", 30_000, "KRW", True)]),
    ("range-percent", "10~20%", [("10~20%", 10, "percent", True)]),
    # --- several ---------------------------------------------------------------------------------------------
    (
        "two-in-a-sentence",
        "법무부 통계로는 4700여명, 추산으로는 7000여명",
        [("4700여명", 4700, "people", True), ("7000여명", 7000, "people", True)],
    ),
    # --- bounds are exact and not part of the text -----------------------------------------------------------
    ("bound-isang", "100명 이상", [("100명", 100, "people", False)]),
    ("bound-choedae", "최대 5000만원", [("5000만원", 50_000_000, "KRW", False)]),
    ("yak-inside-word-is-not-approximate", "계약 300억원", [("300억원", 30_000_000_000, "KRW", False)]),
    # --- not amounts -----------------------------------------------------------------------------------------
    ("day", "21일 밝혔다", []),
    ("month", "6월 28일", []),
    ("year", "2023년에", []),
    ("ordinal-hoe", "제58회 광주시민의 날", []),
    ("ordinal-dae", "제3대 회장", []),
    ("time", "오전 10시", []),
    ("phone", "062-123-4567", []),
    ("holiday", "3·1절", []),
    ("page-ref", "〈관련기사 7면〉", []),
    ("dotted-date", "2023.5.25", []),
    ("months-duration", "3개월 만에", []),
    ("years-duration-with-yeo", "10여년간", []),
    ("years-duration-with-yeo-spaced", "10여 년간", []),
    ("hours-after-group", "10만 시간", []),
    ("age-band", "20대 남성", []),
    ("age-band-range", "40~50대", []),
    ("score", "3대1로 이겼다", []),
    ("principles", "3원칙", []),
    ("century", "21세기", []),
    ("glued-to-a-word", "첨단 3지구에", []),
    ("bare-number", "AI 10 기업", []),
    ("spaced-counter-after-bare-number", "300 명", []),
    ("latin-word-after-unit", "5min", []),
    ("su-without-counter", "수천 년", []),
]


def _found(text: str) -> list[tuple[str, float | int, str, bool]]:
    return [(m.text, m.value, m.unit, m.approximate) for m in find_amounts(text)]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_amounts(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_offsets_are_exact_and_integral_values_are_ints(text: str, expected: list) -> None:
    for mention in find_amounts(text):
        assert text[mention.start : mention.end] == mention.text
        assert isinstance(mention.value, int) == (mention.value == int(mention.value))


NUMBERS = [
    ("plain", "300", 300),
    ("commas", "1,234,567", 1_234_567),
    ("decimal", "12.5", Decimal("12.5")),
    ("man", "2000만", 20_000_000),
    ("eok-man-rest", "1억2345만6789", 123_456_789),
    ("jo-eok", "1조 2000억", 1_200_000_000_000),
    ("cheon-baek-man", "3천5백만", 35_000_000),
    ("cheon-and-digits", "1천500만", 15_000_000),
    ("bare-group", "만", 10_000),
]


@pytest.mark.parametrize(("body", "value"), [c[1:] for c in NUMBERS], ids=[c[0] for c in NUMBERS])
def test_korean_number(body: str, value: int | Decimal) -> None:
    assert korean_number(body) == value


def test_offsets_in_context_and_to_dict() -> None:
    text = "사업비 850억원을 들여 3000여명을 고용한다."
    first, second = find_amounts(text)
    assert (first.start, first.end, second.start, second.end) == (4, 9, 14, 20)
    assert second.to_dict() == {
        "text": "3000여명",
        "value": 3000,
        "unit": "people",
        "approximate": True,
        "start": 14,
        "end": 20,
    }


# --- properties ------------------------------------------------------------------------------------------------

# fmt: off
FRAGMENTS = [
    "2000만원", "1억", "조", "억", "만", "천", "원", "명", "여", "여명", "대", "개", "%", "~", "약 ", "가량", " 안팎", "3000",
    "1,500", "12.4", "0", "9", ".", ",", "-", "·", "제", "년", "일", "월", "시", "수천", "㎞", "km", "m", "배", " ",
    "\n", "광주시는", "AI", "20대", "3대1", "2~3개",
]
# fmt: on
texts = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), max_size=14).map("".join),
    st.text(alphabet="0123456789.,~-·조억만천백원명여대개%약수 ", max_size=30),
    st.text(max_size=40),
)


@given(texts)
def test_mentions_are_exact_sorted_disjoint_and_non_negative(text: str) -> None:
    previous_end = 0
    for mention in find_amounts(text):
        assert isinstance(mention, AmountMention)
        assert text[mention.start : mention.end] == mention.text
        assert mention.start >= previous_end
        previous_end = mention.end
        assert mention.value >= 0
        assert mention.unit


@given(st.integers(0, 10**15))
def test_plain_numbers_with_won_round_trip(n: int) -> None:
    (mention,) = find_amounts(f"{n:,}원")
    assert mention.value == n and mention.unit == "KRW"


@given(st.integers(1, 9999), st.integers(0, 9999))
def test_eok_man_groups_add_up(eok: int, man: int) -> None:
    (mention,) = find_amounts(f"{eok}억{man}만원")
    assert mention.value == eok * 10**8 + man * 10**4
