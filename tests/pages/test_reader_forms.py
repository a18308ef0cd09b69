"""Layout forms of real pages, one rule per table, several variants each (text written for this project).

Each table holds small pages in one form the reader must hold for (not one example of it): the expected pieces
are checked field by field, as in ``test_reader_cases``. The reader runs with the real Kiwi scorer and tagger.
"""

from __future__ import annotations

import pytest

from sinmun.morphology import analysis_scores, final_tags
from sinmun.pages.reader import read_page
from tests.pages.test_reader_cases import _view, page

BODY_A = "남구청이 다음 달부터 골목길 가로등을 모두 발광다이오드 등으로 바꾼다."
BODY_B = "구청은 이번 교체로 한 해 전기요금이 3천만원가량 줄어들 것으로 내다봤다."
BODY_C = "해양경찰서는 지난 주말 갯바위에 고립된 낚시객 세 명을 무사히 구조했다."
BODY_D = "구조된 낚시객들은 물때를 잘못 알고 들어갔다가 바닷물에 길이 끊긴 것으로 조사됐다."


def check(text: str, expected: list[dict]) -> None:
    articles = [_view(a) for a in read_page(text, analysis_scores, final_tags).articles]
    assert len(articles) == len(expected), [(a["kind"], a["headline"], (a["body"] or "")[:20]) for a in articles]
    for got, want in zip(articles, expected, strict=True):
        for key, value in want.items():
            assert got[key] == value, f"{key}: {got[key]!r} != {value!r}"


def run_table(cases: list[tuple[str, str, list[dict]]]):
    return pytest.mark.parametrize(("text", "expected"), [c[1:] for c in cases], ids=[c[0] for c in cases])


# --- a byline opened by a diamond, on a line of its own or closing the last paragraph ---------------------------
DIAMOND_BYLINES = [
    (
        "own-line-with-email",
        page("가로등 교체 사업 시작", BODY_A, BODY_B, "◇한가람 기자 garam@bitgoeul.example.kr"),
        [{"headline": "가로등 교체 사업 시작", "byline_name": "한가람", "byline_email": "garam@bitgoeul.example.kr"}],
    ),
    (
        "own-line-without-email",
        page("가로등 교체 사업 시작", BODY_A, "◇한가람 기자", "낚시객 세 명 구조", BODY_C, "/오다온 기자"),
        [{"byline_name": "한가람", "body": BODY_A}, {"headline": "낚시객 세 명 구조", "byline_name": "오다온"}],
    ),
    (
        "own-line-two-reporters",
        page("가로등 교체 사업 시작", BODY_A, "◇한가람·오다온 기자"),
        [{"byline_names": ["한가람", "오다온"]}],
    ),
    (
        "closing-the-last-paragraph",
        page("가로등 교체 사업 시작", BODY_A, f"{BODY_B} ◇한가람 기자 garam@bitgoeul.example.kr"),
        [{"byline_name": "한가람", "body": f"{BODY_A}\n\n{BODY_B}"}],
    ),
    (
        "between-two-articles",
        page("가로등 교체 사업 시작", BODY_A, "◇한가람 기자 garam@bitgoeul.example.kr", "낚시객 세 명 구조", BODY_C),
        [{"byline_name": "한가람", "body": BODY_A}, {"headline": "낚시객 세 명 구조", "body": BODY_C}],
    ),
]


@run_table(DIAMOND_BYLINES)
def test_diamond_byline(text: str, expected: list[dict]) -> None:
    check(text, expected)


# --- a paragraph cut by a column between two words: the short first half is neither a headline nor a
# sub-headline, in the lead paragraph or later, and the two halves are joined with a space ------------------------
CUT_PARAGRAPHS = [
    (
        "later-paragraph-after-a-finished-one",
        page(
            "가로등 교체 사업 시작",
            BODY_A,
            "한편 시립도서관은 올여름 방학 동안 초등학생",
            f"독서 교실을 네 차례 연다. {BODY_B}",
        ),
        [
            {
                "headline": "가로등 교체 사업 시작",
                "body": f"{BODY_A}\n\n한편 시립도서관은 올여름 방학 동안 초등학생 독서 교실을 네 차례 연다. {BODY_B}",
            }
        ],
    ),
    (
        "later-paragraph-opened-by-a-connective",
        page(
            "가로등 교체 사업 시작",
            BODY_A,
            "이에 따라 상인회는 다음 달부터 전통시장",
            "주차장을 주말마다 무료로 열기로 했다.",
            BODY_B,
        ),
        [
            {
                "body": f"{BODY_A}\n\n이에 따라 상인회는 다음 달부터 전통시장 주차장을 주말마다 무료로 열기로 했다.\n\n{BODY_B}"
            }
        ],
    ),
    (
        "later-paragraph-then-a-byline",
        page(
            "낚시객 세 명 구조",
            BODY_D,
            "해양경찰서는 지난 주말 갯바위",
            "주변에서 세 시간 넘게 머문 낚시객 세 명을 구조했다.",
            "/오다온 기자",
        ),
        [
            {
                "body": f"{BODY_D}\n\n해양경찰서는 지난 주말 갯바위 주변에서 세 시간 넘게 머문 낚시객 세 명을 구조했다.",
                "byline_name": "오다온",
            }
        ],
    ),
    (
        "lead-paragraph-under-the-headline",
        page(
            "전통시장 주차장 주말 무료",
            "이에 따라 상인회는 다음 달부터 전통시장",
            "주차장을 주말마다 무료로 열기로 했다.",
            BODY_B,
        ),
        [
            {
                "headline": "전통시장 주차장 주말 무료",
                "subheadlines": [],
                "body": "이에 따라 상인회는 다음 달부터 전통시장 주차장을 주말마다 무료로 열기로 했다.\n\n" + BODY_B,
            }
        ],
    ),
    (
        "lead-paragraph-under-a-subheadline",
        page(
            "시립도서관 방학 독서 교실",
            "초등학생 대상 네 차례",
            "시립도서관은 올여름 방학 동안 초등학생",
            "독서 교실을 네 차례 연다.",
            BODY_D,
        ),
        [
            {
                "headline": "시립도서관 방학 독서 교실",
                "subheadlines": ["초등학생 대상 네 차례"],
                "body": "시립도서관은 올여름 방학 동안 초등학생 독서 교실을 네 차례 연다.\n\n" + BODY_D,
            }
        ],
    ),
    (
        "a-real-headline-after-a-finished-paragraph-still-opens-an-article",
        page("가로등 교체 사업 시작", BODY_A, BODY_B, "낚시객 세 명 구조", BODY_C, BODY_D),
        [
            {"headline": "가로등 교체 사업 시작", "body": f"{BODY_A}\n\n{BODY_B}"},
            {"headline": "낚시객 세 명 구조", "body": f"{BODY_C}\n\n{BODY_D}"},
        ],
    ),
]


@run_table(CUT_PARAGRAPHS)
def test_a_paragraph_cut_between_words_is_not_a_headline(text: str, expected: list[dict]) -> None:
    check(text, expected)


# --- a headline that ends as a sentence does (?, !, .) is still the headline --------------------------------------
SENTENCE_HEADLINES = [
    (
        "question-at-the-page-start",
        page("골목길 가로등 왜 바꾸나?", BODY_A, BODY_B, "/한가람 기자"),
        [{"headline": "골목길 가로등 왜 바꾸나?", "subheadlines": [], "body": f"{BODY_A}\n\n{BODY_B}"}],
    ),
    (
        "question-after-a-byline",
        page("가로등 교체 사업 시작", BODY_A, "/한가람 기자", "낚시객들은 왜 고립됐나?", BODY_C, BODY_D),
        [
            {"headline": "가로등 교체 사업 시작"},
            {"headline": "낚시객들은 왜 고립됐나?", "body": f"{BODY_C}\n\n{BODY_D}"},
        ],
    ),
    (
        "exclamation-after-an-article-without-byline",
        page("가로등 교체 사업 시작", BODY_A, BODY_B, "갯바위 낚시, 물때 확인 필수!", BODY_C, "/오다온 기자"),
        [
            {"headline": "가로등 교체 사업 시작", "body": f"{BODY_A}\n\n{BODY_B}", "byline": None},
            {"headline": "갯바위 낚시, 물때 확인 필수!", "body": BODY_C, "byline_name": "오다온"},
        ],
    ),
    (
        "question-after-an-article-without-byline",
        page("가로등 교체 사업 시작", BODY_A, "낚시객 구조, 무엇이 문제였나?", BODY_C, BODY_D),
        [{"body": BODY_A}, {"headline": "낚시객 구조, 무엇이 문제였나?", "body": f"{BODY_C}\n\n{BODY_D}"}],
    ),
    (
        "full-stop-after-a-byline",
        page("가로등 교체 사업 시작", BODY_A, "/한가람 기자", "갯바위 고립 낚시객 모두 구조됐다.", BODY_C),
        [{"headline": "가로등 교체 사업 시작"}, {"headline": "갯바위 고립 낚시객 모두 구조됐다.", "body": BODY_C}],
    ),
    (
        "question-with-a-subheadline",
        page("골목길 가로등 왜 바꾸나?", "전기요금 절감 효과 기대", BODY_C, "/한가람 기자"),
        [{"headline": "골목길 가로등 왜 바꾸나?", "subheadlines": ["전기요금 절감 효과 기대"], "body": BODY_C}],
    ),
    (
        "question-then-a-quote",
        page('가로등 교체는 낭비? "전기요금이 더 줄어"', BODY_A, "/한가람 기자"),
        [{"headline": '가로등 교체는 낭비? "전기요금이 더 줄어"', "body": BODY_A}],
    ),
]


@run_table(SENTENCE_HEADLINES)
def test_a_headline_ending_as_a_sentence_does(text: str, expected: list[dict]) -> None:
    check(text, expected)
