"""Table-driven cases for Korean news dates resolved against the publication date; one rule per case."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinmun.entities import dates
from sinmun.entities.dates import DateMention, find_dates

PUBLISHED = datetime.date(2023, 5, 22)  # the reference page's date

# (id, text, [(mention text, resolved date or None, precision), ...]) for a page published 2023-05-22.
CASES = [
    # --- the reference page's figures ------------------------------------------------------------------------
    ("ref-bare-day", "업무협약을 체결했다고 21일 밝혔다.", [("21일", "2023-05-21", "day")]),
    ("ref-last-10", "앞서 지난 10일에는 서울에서", [("지난 10일", "2023-05-10", "day")]),
    ("ref-last-17", "참석한 가운데 지난 17일 나주에서", [("지난 17일", "2023-05-17", "day")]),
    ("ref-last-8", "지난 8일 '제233차 대외경제 장관회의'를 통해", [("지난 8일", "2023-05-08", "day")]),
    ("ref-last-19", "강 시장은 지난 19일 호남대학교에서", [("지난 19일", "2023-05-19", "day")]),
    ("ref-month-day", "전남도는 6월 28일 서울에서", [("6월 28일", "2023-06-28", "day")]),
    ("ref-next-month", "다음달 수도권 설명회", [("다음달", "2023-06-01", "month")]),
    ("ref-last-year-month", "지난해 9월부터 기획위원회를", [("지난해 9월", "2022-09-01", "month")]),
    ("ref-year-with-particle", "2023년에 2~3개의 특구를", [("2023년", "2023-01-01", "year")]),
    ("ref-year-until", "2027년까지 권역별 10개를", [("2027년", "2027-01-01", "year")]),
    # --- bare days -------------------------------------------------------------------------------------------
    ("day-within-grace", "25일 개막한다", [("25일", "2023-05-25", "day")]),
    ("day-past-grace-is-last-month", "28일 열린 행사", [("28일", "2023-04-28", "day")]),
    ("day-31-in-30-day-month-walks-back", "31일 열린 행사", [("31일", "2023-03-31", "day")]),
    ("day-glued-to-subject", "전남도는21일 밝혔다", [("21일", "2023-05-21", "day")]),
    ("day-with-time", "23일 오전 10시 개막", [("23일", "2023-05-23", "day")]),
    ("day-dated-suffix", "21일자 보도", [("21일", "2023-05-21", "day")]),
    # --- 지난 / 오는 ------------------------------------------------------------------------------------------
    ("last-day-same-day", "지난 22일", [("지난 22일", "2023-05-22", "day")]),
    ("last-day-previous-month", "지난 25일 열린", [("지난 25일", "2023-04-25", "day")]),
    ("next-day-this-month", "오는 30일 개막", [("오는 30일", "2023-05-30", "day")]),
    ("next-day-next-month", "오는 9일 개막", [("오는 9일", "2023-06-09", "day")]),
    ("last-month-day", "지난 3월 2일 착공", [("지난 3월 2일", "2023-03-02", "day")]),
    ("last-month-day-wraps-year", "지난 8월 15일", [("지난 8월 15일", "2022-08-15", "day")]),
    ("next-month-day", "오는 9월 30일까지", [("오는 9월 30일", "2023-09-30", "day")]),
    ("next-month-day-wraps-year", "오는 2월 1일", [("오는 2월 1일", "2024-02-01", "day")]),
    ("next-month-only", "오는 7월 시행", [("오는 7월", "2023-07-01", "month")]),
    ("last-month-only-wraps-year", "지난 11월", [("지난 11월", "2022-11-01", "month")]),
    # --- absolute --------------------------------------------------------------------------------------------
    ("full-korean", "2023년 5월 25일 개최", [("2023년 5월 25일", "2023-05-25", "day")]),
    ("year-month", "2021년 3월 준공", [("2021년 3월", "2021-03-01", "month")]),
    ("dotted", "기간: 2023.5.25", [("2023.5.25", "2023-05-25", "day")]),
    ("dotted-spaced-owns-final-dot", "2023. 5. 25.(목)", [("2023. 5. 25.", "2023-05-25", "day")]),
    ("dotted-unspaced-sentence-dot", "마감은 2023.5.25.", [("2023.5.25", "2023-05-25", "day")]),
    ("hyphenated", "2023-05-25 기준", [("2023-05-25", "2023-05-25", "day")]),
    ("slashed", "2023/5/25 기준", [("2023/5/25", "2023-05-25", "day")]),
    ("two-digit-year-with-month", "80년 5월 광주", [("80년 5월", "1980-05-01", "month")]),
    ("historic-year", "1919년 3월 1일", [("1919년 3월 1일", "1919-03-01", "day")]),
    # --- month precision -------------------------------------------------------------------------------------
    ("month-only", "6월 개통 예정", [("6월", "2023-06-01", "month")]),
    ("next-year-month", "내년 3월 완공", [("내년 3월", "2024-03-01", "month")]),
    ("this-year-month", "올해 3월 착공", [("올해 3월", "2023-03-01", "month")]),
    ("last-month-word", "지난달 발표한", [("지난달", "2023-04-01", "month")]),
    ("last-month-word-spaced", "지난 달 발표한", [("지난 달", "2023-04-01", "month")]),
    ("this-month-word", "이달 중 발표", [("이달", "2023-05-01", "month")]),
    ("next-month-word-naedal", "내달 출범", [("내달", "2023-06-01", "month")]),
    ("month-word-with-day", "지난달 28일 열린", [("지난달 28일", "2023-04-28", "day")]),
    ("next-month-word-with-day", "다음 달 5일부터", [("다음 달 5일", "2023-06-05", "day")]),
    # --- year precision --------------------------------------------------------------------------------------
    ("last-year", "지난해 매출", [("지난해", "2022-01-01", "year")]),
    ("this-year", "올해 처음으로", [("올해", "2023-01-01", "year")]),
    ("next-year", "내년 예산", [("내년", "2024-01-01", "year")]),
    ("jaknyeon", "작년 대비", [("작년", "2022-01-01", "year")]),
    ("two-years-ago", "재작년 수준", [("재작년", "2021-01-01", "year")]),
    ("birth-year", "2000년생 선수", [("2000년", "2000-01-01", "year")]),
    # --- relative days ---------------------------------------------------------------------------------------
    ("yesterday", "어제 열린", [("어제", "2023-05-21", "day")]),
    ("today-is-publication", "오늘 개막", [("오늘", "2023-05-22", "day")]),
    ("tomorrow", "내일 개막", [("내일", "2023-05-23", "day")]),
    ("day-before-yesterday", "그제 발표", [("그제", "2023-05-20", "day")]),
    # --- ranges ----------------------------------------------------------------------------------------------
    ("range-day-to-day", "5월 25일~29일", [("5월 25일", "2023-05-25", "day"), ("29일", "2023-05-29", "day")]),
    (
        "range-across-months",
        "5월 30일~6월 2일",
        [("5월 30일", "2023-05-30", "day"), ("6월 2일", "2023-06-02", "day")],
    ),
    (
        "range-dotted-with-weekdays",
        "2023.5.25^목 ~ 5.29^월",
        [("2023.5.25", "2023-05-25", "day"), ("5.29", "2023-05-29", "day")],
    ),
    (
        "range-dotted-day-rolls-month",
        "2023.5.30(화)~2(금)",
        [("2023.5.30", "2023-05-30", "day"), ("2", "2023-06-02", "day")],
    ),
    ("range-bare-days-with-marker", "오는 25~29일", [("오는 25", "2023-05-25", "day"), ("29일", "2023-05-29", "day")]),
    ("range-months", "3~4월 중", [("3", "2023-03-01", "month"), ("4월", "2023-04-01", "month")]),
    # --- invalid ---------------------------------------------------------------------------------------------
    ("invalid-day-of-month", "2월 30일", [("2월 30일", None, "day")]),
    ("invalid-dotted-day", "2023.2.30", [("2023.2.30", None, "day")]),
    # --- not dates -------------------------------------------------------------------------------------------
    ("duration-ilgan", "3일간 열린다", []),
    ("duration-dongan", "3일 동안 열린다", []),
    ("duration-manee", "10일 만에 복구", []),
    ("duration-jjae", "파업 3일째", []),
    ("supply-chi", "20일치 물량", []),
    ("day-number-cha", "1일차 일정", []),
    ("five-day-week", "주5일제", []),
    ("bare-day-range", "2~3일 걸린다", []),
    ("holiday-name", "3·1절 기념식", []),
    ("ordinal", "제2회 대회", []),
    ("months-duration", "3개월 만에", []),
    ("years-duration", "5년간 지원", []),
    ("thirteenth-month", "13월의 월급", []),
    ("day-out-of-range", "45일 이내", []),
    ("round-thousand-is-no-year", "1000년 역사", []),
    ("phone-number", "문의 062-123-4567", []),
    ("decimal", "12.5일", []),
    ("nowadays", "오늘날 한국", []),
    ("then-only", "그제야 알았다", []),
    ("run-naedal", "내달리다", []),
    ("jakyeon-inside-word", "제작년도", []),
    ("count-of-people", "1000여명이 참석", []),
    ("range-of-items", "2~3개", []),
    ("percent", "12.4%", []),
]


def _found(text: str, published: datetime.date | None = PUBLISHED) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.date.isoformat() if m.date else None, m.precision) for m in find_dates(text, published)]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_dates(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_offsets_are_exact(text: str, expected: list) -> None:
    for mention in find_dates(text, PUBLISHED):
        assert text[mention.start : mention.end] == mention.text


# (id, published, text, expected) for rules that depend on where the page falls in the calendar.
OTHER_DATES = [
    ("december-in-january-is-last-year", datetime.date(2024, 1, 3), "12월 28일", [("12월 28일", "2023-12-28", "day")]),
    ("january-in-december-is-next-year", datetime.date(2023, 12, 28), "1월 5일", [("1월 5일", "2024-01-05", "day")]),
    ("bare-day-crosses-new-year", datetime.date(2024, 1, 3), "30일 열린", [("30일", "2023-12-30", "day")]),
    ("next-day-crosses-new-year", datetime.date(2023, 12, 28), "오는 3일", [("오는 3일", "2024-01-03", "day")]),
    ("yesterday-crosses-month", datetime.date(2023, 6, 1), "어제", [("어제", "2023-05-31", "day")]),
    ("last-30th-skips-february", datetime.date(2023, 3, 5), "지난 30일", [("지난 30일", "2023-01-30", "day")]),
    ("no-publication-relative-day", None, "21일 밝혔다", [("21일", None, "day")]),
    ("no-publication-month-word", None, "다음달", [("다음달", None, "month")]),
    ("no-publication-year-word", None, "지난해", [("지난해", None, "year")]),
    ("no-publication-absolute-resolves", None, "2023년 5월 25일", [("2023년 5월 25일", "2023-05-25", "day")]),
    (
        "no-publication-range-end-follows-absolute",
        None,
        "2023.5.25~29",
        [("2023.5.25", "2023-05-25", "day"), ("29", "2023-05-29", "day")],
    ),
]


@pytest.mark.parametrize(
    ("published", "text", "expected"), [c[1:] for c in OTHER_DATES], ids=[c[0] for c in OTHER_DATES]
)
def test_dates_against_other_publication_dates(published: datetime.date | None, text: str, expected: list) -> None:
    assert _found(text, published) == expected


def test_several_in_one_sentence_with_offsets() -> None:
    text = "지난 17일 회의에서 6월 28일 행사를 열기로 했다고 21일 밝혔다."
    mentions = find_dates(text, PUBLISHED)
    assert [(m.text, m.start, m.end) for m in mentions] == [("지난 17일", 0, 6), ("6월 28일", 12, 18), ("21일", 31, 34)]


def test_to_dict() -> None:
    (mention,) = find_dates("지난해 9월부터", PUBLISHED)
    assert mention.to_dict() == {"text": "지난해 9월", "date": "2022-09-01", "precision": "month", "start": 0, "end": 6}
    (unresolved,) = find_dates("2월 30일", PUBLISHED)
    assert unresolved.to_dict()["date"] is None


# --- properties ------------------------------------------------------------------------------------------------

# fmt: off
FRAGMENTS = [
    "21일", "지난 17일", "오는 9일", "6월 28일", "지난해 9월", "다음달", "2023년", "2023.5.25", "^목", "~", " ~ ", "5.29",
    "3일간", "2~3일", "3·1절", "제2회", "1000여명", "어제", "오늘날", "13월", "2월 30일", "지난", "오는", "밝혔다.", "광주시는", " ",
    "\n", "0", "9", ".", "년", "월", "일", "-", "(목)", "내년 3월", "31일", "80년 5월",
]
# fmt: on
texts = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), max_size=14).map("".join),
    st.text(alphabet="0123456789.~-·년월일지난오는 제간째", max_size=30),
    st.text(max_size=40),
)
published_dates = st.one_of(
    st.none(), st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2100, 12, 31))
)


@given(texts, published_dates)
def test_mentions_are_exact_sorted_and_disjoint(text: str, published: datetime.date | None) -> None:
    mentions = find_dates(text, published)
    previous_end = 0
    for mention in mentions:
        assert isinstance(mention, DateMention)
        assert text[mention.start : mention.end] == mention.text
        assert mention.text
        assert mention.start >= previous_end
        previous_end = mention.end
        assert mention.precision in ("day", "month", "year")


@given(texts, published_dates)
def test_month_precision_is_the_first_and_year_precision_january_first(
    text: str, published: datetime.date | None
) -> None:
    for mention in find_dates(text, published):
        if mention.date and mention.precision == "month":
            assert mention.date.day == 1
        if mention.date and mention.precision == "year":
            assert (mention.date.month, mention.date.day) == (1, 1)


@given(st.integers(1, 31), st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2100, 12, 31)))
def test_last_day_is_never_after_publication_and_next_day_never_before(day: int, published: datetime.date) -> None:
    (last,) = find_dates(f"지난 {day}일", published)
    (coming,) = find_dates(f"오는 {day}일", published)
    assert last.date is not None and last.date <= published and last.date.day == day
    assert coming.date is not None and coming.date >= published and coming.date.day == day


CONTEXT_CASES = [
    (
        "future-span-stays-this-month",
        "축제는 15일부터 24일까지 열린다.",
        datetime.date(2024, 3, 12),
        [("15일", datetime.date(2024, 3, 15)), ("24일", datetime.date(2024, 3, 24))],
    ),
    (
        "announced-event-ahead",
        "설명회는 19일 오후 2시 개최할 예정이다.",
        datetime.date(2024, 3, 14),
        [("19일", datetime.date(2024, 3, 19))],
    ),
    (
        "span-end-takes-the-month",
        "5월 2일부터 6일까지 연다",
        datetime.date(2024, 3, 5),
        [("5월 2일", datetime.date(2024, 5, 2)), ("6일", datetime.date(2024, 5, 6))],
    ),
    ("idiom-is-no-date", "어제오늘의 일이 아니다", datetime.date(2024, 3, 4), []),
    (
        "past-report-goes-back-a-month",
        "28일 밝혔다",
        datetime.date(2023, 5, 22),
        [("28일", datetime.date(2023, 4, 28))],
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "expected"), [c[1:] for c in CONTEXT_CASES], ids=[c[0] for c in CONTEXT_CASES]
)
def test_dates_in_context(text, published, expected) -> None:
    assert [(m.text, m.date) for m in find_dates(text, published)] == expected


# --- where the patterns are tried --------------------------------------------------------------------------------
# ``find_dates`` tries its patterns only where a date can start (a digit, or a word a pattern opens with), not at
# every character of the text. These cases put each opening in the places that could trip that: at the very start
# and end, after Hangul, glued to another date, in digits of other scripts, after a tilde and a line break.
STARTS_CASES = [
    (
        "every-opening-word",
        "재작년, 지난해, 작년, 올해, 금년, 내년, 이번 달, 다음 달, 이달, 내달, 그저께, 그제, 어제, 오늘, 내일",
        [
            ("재작년", "2021-01-01", "year"),
            ("지난해", "2022-01-01", "year"),
            ("작년", "2022-01-01", "year"),
            ("올해", "2023-01-01", "year"),
            ("금년", "2023-01-01", "year"),
            ("내년", "2024-01-01", "year"),
            ("이번 달", "2023-05-01", "month"),
            ("다음 달", "2023-06-01", "month"),
            ("이달", "2023-05-01", "month"),
            ("내달", "2023-06-01", "month"),
            ("그저께", "2023-05-20", "day"),
            ("그제", "2023-05-20", "day"),
            ("어제", "2023-05-21", "day"),
            ("오늘", "2023-05-22", "day"),
            ("내일", "2023-05-23", "day"),
        ],
    ),
    ("full-width-digits", "３월 ５일 열린", [("３월 ５일", "2023-03-05", "day")]),
    ("arabic-indic-digit", "٣일 열린", [("٣일", "2023-05-03", "day")]),
    ("month-word-then-words", "지난달 말 발표", [("지난달", "2023-04-01", "month")]),
    ("coming-day", "오는 5일 개막", [("오는 5일", "2023-06-05", "day")]),
    ("dotted-spaced-at-end", "2024. 3. 4.", [("2024. 3. 4.", "2024-03-04", "day")]),
    (
        "dates-side-by-side",
        "2023년5월25일 오늘",
        [("2023년5월25일", "2023-05-25", "day"), ("오늘", "2023-05-22", "day")],
    ),
    ("marker-glued-to-a-word-is-no-marker", "행사는지난 17일", [("17일", "2023-05-17", "day")]),
    (
        "idioms-between-dates",
        "어제오늘의 일 어제 오늘날 오늘",
        [("어제", "2023-05-21", "day"), ("오늘", "2023-05-22", "day")],
    ),
    ("no-opening-at-all", "광주시는 새 정책을 밝혔다", []),
    ("words-inside-words-are-no-dates", "제작년도 이번주 그제야 내달리다 오늘날", []),
    ("bare-range-end-after-tilde-and-line-break", "2~\n3일 걸린다", []),
    ("bare-range-end-after-tilde-space-line-break", "2~ \n3일 걸린다", []),
    ("bare-day-after-a-line-break-alone", "2\n3일 열린", [("3일", "2023-05-03", "day")]),
    ("announced-day-at-the-end-of-a-long-text", "가" * 5000 + " 설명회는 29일 열린다", [("29일", "2023-05-29", "day")]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in STARTS_CASES], ids=[c[0] for c in STARTS_CASES])
def test_dates_are_found_wherever_they_start(text: str, expected: list) -> None:
    assert _found(text) == expected


START_FRAGMENTS = [
    *FRAGMENTS,
    "３",
    "٣",
    "２０２３.５.２５",
    "재작년",
    "작년",
    "올해",
    "금년",
    "이번달",
    "이번 달",
    "다음 달",
    "이달",
    "내달",
    "그저께",
    "그제",
    "내일",
    "지난달",
    "25~29일",
    "3~4월",
    "∼",
    "～",
    "〜",
    "제",
    "A",
    "가",
    "2023. 5. 25.",
    "^월",
    "(화)",
]
start_texts = st.one_of(
    st.lists(st.sampled_from(START_FRAGMENTS), max_size=16).map("".join),
    st.text(alphabet="0123456789٣３.~∼-/·^()년월일지난오는재작올해금내이번다음달그저께제어늘 \n가A", max_size=40),
)


@given(start_texts)
def test_each_pattern_meets_the_matches_a_scan_of_the_whole_text_meets(text: str) -> None:
    starts = [m.start() for m in dates._STARTS.finditer(text)]
    for pattern in [*dates._SINGLE_PATTERNS, dates._NUMERIC, dates._NUMERIC_CONT, dates._DAY_RANGE, dates._MONTH_RANGE]:
        assert [m.span() for m in dates._matches(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]
