"""Layout forms of real pages, one rule per table, several variants each (text written for this project).

Each table holds small pages in one form the reader must hold for (not one example of it): the expected pieces
are checked field by field, as in ``test_reader_cases``. The reader runs with the real Kiwi scorer and tagger.
"""

from __future__ import annotations

import pytest

from sinmun.morphology import analysis_scores, final_tags, tags_at
from sinmun.pages.column_breaks import PageWords
from sinmun.pages.reader import leaves_quotation_open, read_page
from tests.helpers.pages import article_view, page

BODY_A = "남구청이 다음 달부터 골목길 가로등을 모두 발광다이오드 등으로 바꾼다."
BODY_B = "구청은 이번 교체로 한 해 전기요금이 3천만원가량 줄어들 것으로 내다봤다."
BODY_C = "해양경찰서는 지난 주말 갯바위에 고립된 낚시객 세 명을 무사히 구조했다."
BODY_D = "구조된 낚시객들은 물때를 잘못 알고 들어갔다가 바닷물에 길이 끊긴 것으로 조사됐다."


def check(text: str, expected: list[dict]) -> None:
    articles = [article_view(a) for a in read_page(text, analysis_scores, final_tags, tags_at).articles]
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


# --- a line that opens a quotation and does not close it is the first half of a cut paragraph (a headline closes
# its quotations) ------------------------------------------------------------------------------------------------
QUOTATIONS_LEFT_OPEN = [
    ("single-curly-open", "기상청은 제9호 태풍 ‘카", True),
    ("double-curly-open", "군은 새 도서관 이름을 “책 읽는", True),
    ("straight-double-open", '구청은 축제 이름을 "빛고을', True),
    ("book-title-open", "시립미술관은 기획전 『빛과", True),
    ("closed-single", "태풍 ‘카노’ 북상", False),
    ("closed-double", "“어선 묶고 대비하라” 당부", False),
    ("closed-straight", '"책 읽는 마을" 문 연다', False),
    ("apostrophe-only", "90’s 음악 공연", False),
    ("no-quotation", "골목 축제 이름 정해", False),
]


@pytest.mark.parametrize(
    ("line", "left_open"), [c[1:] for c in QUOTATIONS_LEFT_OPEN], ids=[c[0] for c in QUOTATIONS_LEFT_OPEN]
)
def test_a_line_that_leaves_a_quotation_open(line: str, left_open: bool) -> None:
    assert leaves_quotation_open(line) is left_open


LEADS_CUT_IN_A_QUOTATION = [
    (
        "cut-inside-a-name-under-a-subheadline",
        page(
            "태풍 북상 비상",
            "어선 대피...남쪽 해상 이동",
            "대한민국 기상청은 2024년 제 9호 태풍 ‘마가",
            "렛(MAGARET)’이 27일 오후 2시경에 제주 남쪽 약 90km 해상에 있다고 밝혔다.",
            BODY_D,
            "/한가람 기자",
        ),
        [
            {
                "subheadlines": ["어선 대피...남쪽 해상 이동"],
                "body": "대한민국 기상청은 2024년 제 9호 태풍 ‘마가렛(MAGARET)’이",
            }
        ],
    ),
    (
        "cut-before-a-gloss-kiwi-reads-apart",
        page(
            "태풍 북상 비상",
            "어선 대피...남쪽 해상 이동",
            "대한민국 기상청은 2024년 제 9호 태풍 ‘나비",
            "(NABI)’가 27일 오후 2시경에 제주 남쪽 약 90km 해상에 있다고 밝혔다.",
            BODY_D,
            "/한가람 기자",
        ),
        [{"subheadlines": ["어선 대피...남쪽 해상 이동"], "body": "대한민국 기상청은 2024년 제 9호 태풍 ‘나비"}],
    ),
    (
        "cut-between-the-words-of-a-title",
        page(
            "골목 축제 이름 정해", "구청은 올해 골목 축제의 이름을 ‘푸른 하늘", "맑은 바다’로 정했다고 밝혔다.", BODY_B
        ),
        [{"subheadlines": [], "body": "구청은 올해 골목 축제의 이름을 ‘푸른 하늘 맑은 바다’로 정했다고 밝혔다."}],
    ),
]


@run_table(LEADS_CUT_IN_A_QUOTATION)
def test_a_lead_cut_inside_a_quotation_stays_in_the_body(text: str, expected: list[dict]) -> None:
    articles = [article_view(a) for a in read_page(text, analysis_scores, final_tags, tags_at).articles]
    assert len(articles) == len(expected)
    for got, want in zip(articles, expected, strict=True):
        assert got["subheadlines"] == want["subheadlines"]
        assert got["body"].startswith(want["body"])


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


# --- the spacing of a repaired column break: a morpheme that never starts a word joins, words that may stand apart
# keep their space, and the rest of the page settles what morphology cannot -------------------------------------
def one_paragraph(first: str, second: str, *more: str) -> str:
    return page("구청 소식", BODY_D, first, second, *more, "/한가람 기자")


SPACING = [
    ("verb-suffix", one_paragraph("구청은 새 가로등 사업 계획을 지난달 발표", "했다."), "지난달 발표했다."),
    (
        "verb-suffix-connective",
        one_paragraph("도의회는 예산안 일부를 수정", "하여 통과시켰다."),
        "수정하여 통과시켰다.",
    ),
    (
        "passive-suffix",
        one_paragraph("낚시객 한 명은 저체온증으로 치료", "됐지만 건강에는 이상이 없다."),
        "치료됐지만 건강에는",
    ),
    (
        "auxiliary-of-become",
        one_paragraph("구청은 고장 난 가로등이 모두 고쳐", "졌다고 밝혔다."),
        "모두 고쳐졌다고 밝혔다.",
    ),
    ("particle", one_paragraph("신고를 받은 해양경찰", "이 곧바로 출동했다."), "해양경찰이 곧바로 출동했다."),
    ("two-nouns-stay-apart", one_paragraph("상인회는 전통시장 주차장", "확충 계획을 세웠다."), "주차장 확충 계획을"),
    (
        "other-auxiliary-stays-apart",
        one_paragraph("계획은 세 단계로 구성되어", "있는데 첫 단계는 올해 끝난다."),
        "구성되어 있는데",
    ),
    (
        "page-writes-it-joined",
        one_paragraph(
            "이번 구조에는 남해지방해양",
            "경찰청과 소방서가 함께 나섰다.",
            "남해지방해양경찰청은 이날 구조대를 급파했다.",
        ),
        "남해지방해양경찰청과 소방서가",
    ),
    (
        "page-writes-it-apart",
        one_paragraph(
            "구청은 가로등 교체 사업에 대해 주민들이 품은 걱정을 모두 듣겠다며 주민 기대",
            "남구청이 함께 나눈다고 밝혔다.",
            "사업의 기대 효과는 남구청이 따로 조사한다.",
        ),
        "주민 기대 남구청이",
    ),
]


@pytest.mark.parametrize(("text", "joined"), [c[1:] for c in SPACING], ids=[c[0] for c in SPACING])
def test_spacing_at_a_repaired_column_break(text: str, joined: str) -> None:
    (article,) = read_page(text, analysis_scores, final_tags, tags_at).articles
    assert joined in article.body, article.body


PAGE_LINES = [
    "남해지방해양경찰청은 이날 구조대를 급파했다.",
    "사업의 기대 효과는 남구청이 따로 조사한다.",
    "이번 구조에는 남해지방해양",  # open line end: its last word is no evidence
    "경찰청과 소방서가 함께 나섰다.",  # after an open line: its first word is no evidence
]
PAGE_SPACING = [
    ("joined-elsewhere", "이번 구조에는 남해지방해양", "경찰청과 소방서가", False),
    ("both-apart-elsewhere", "주민 기대", "남구청이 함께", True),
    ("no-evidence", "이번 출동", "선박이 함께", None),
    ("after-punctuation-no-evidence", "효과는 남구청이,", "따로", None),
]


@pytest.mark.parametrize(
    ("before", "after", "with_space"), [c[1:] for c in PAGE_SPACING], ids=[c[0] for c in PAGE_SPACING]
)
def test_the_page_settles_spacing_it_writes_one_way(before: str, after: str, with_space: bool | None) -> None:
    assert PageWords(PAGE_LINES).spacing(before, after) is with_space


def test_the_halves_of_a_cut_are_no_evidence_of_themselves() -> None:
    assert PageWords(PAGE_LINES[2:]).spacing("이번 구조에는 남해지방해양", "경찰청과 소방서가") is None


# --- a photo caption whose title runs straight into the caption sentence, the photographer at the line's end --------
CAPTION_LINE = "가로등 교체 현장 18일 오전 남구청 직원들이 골목길에서 낡은 가로등을 교체하고 있다. /한가람 기자"
TITLED_CAPTIONS = [
    (
        "after-an-article-with-a-byline",
        page("가로등 교체 사업 시작", BODY_A, "/오다온 기자", CAPTION_LINE),
        [
            {"kind": "news", "byline_name": "오다온"},
            {
                "kind": "photo",
                "headline": "가로등 교체 현장",
                "body": "18일 오전 남구청 직원들이 골목길에서 낡은 가로등을 교체하고 있다.",
                "byline_name": "한가람",
            },
        ],
    ),
    (
        "after-an-article-without-a-byline",
        page("낚시객 세 명 구조", BODY_C, BODY_D, CAPTION_LINE, "가로등 교체 사업 시작", BODY_A, "/오다온 기자"),
        [
            {"kind": "news", "headline": "낚시객 세 명 구조", "body": f"{BODY_C}\n\n{BODY_D}", "byline": None},
            {"kind": "photo", "headline": "가로등 교체 현장", "byline_name": "한가람"},
            {"kind": "news", "headline": "가로등 교체 사업 시작", "byline_name": "오다온"},
        ],
    ),
    (
        "title-with-a-comma",
        page(
            "가로등 교체 사업 시작",
            BODY_A,
            "/오다온 기자",
            "해경, 갯바위 고립 낚시객 구조 17일 해양경찰이 갯바위에 고립된 낚시객을 구조하고 있다. /한가람 기자",
        ),
        [{"kind": "news"}, {"kind": "photo", "headline": "해경, 갯바위 고립 낚시객 구조"}],
    ),
    (
        "title-of-four-nouns",
        page(
            "가로등 교체 사업 시작",
            BODY_A,
            "/오다온 기자",
            "전통시장 주차장 주말 개방 상인회 회원들이 주말 무료 개방을 앞둔 전통시장 주차장을 청소하고 있다. /한가람 기자",
        ),
        [{"kind": "news"}, {"kind": "photo", "headline": "전통시장 주차장 주말 개방"}],
    ),
    (
        "title-ending-in-a-verb-noun",
        page(
            "가로등 교체 사업 시작",
            BODY_A,
            "/오다온 기자",
            "도서관 독서 교실 개강 초등학생들이 22일 시립도서관 독서 교실에서 책을 읽고 있다. /한가람 기자",
        ),
        [{"kind": "news"}, {"kind": "photo", "headline": "도서관 독서 교실 개강"}],
    ),
    (
        "title-ending-in-a-question",
        page(
            "가로등 교체 사업 시작",
            BODY_A,
            "/오다온 기자",
            "골목길 가로등, 왜 바꾸나? 남구청 직원들이 골목길에서 가로등을 새것으로 바꾸고 있다. /한가람 기자",
        ),
        [{"kind": "news"}, {"kind": "photo", "headline": "골목길 가로등, 왜 바꾸나?"}],
    ),
    (
        "title-ending-in-a-noun-that-ends-as-a-particle-may",
        page(
            "가로등 교체 사업 시작",
            BODY_A,
            "/오다온 기자",
            "해경, 갯바위 낚시객 구조 시도 해양경찰이 갯바위에 고립된 낚시객 구조를 시도하고 있다. /한가람 기자",
        ),
        [{"kind": "news"}, {"kind": "photo", "headline": "해경, 갯바위 낚시객 구조 시도"}],
    ),
    (
        "a-last-paragraph-with-its-byline-stays-in-the-article",
        page("가로등 교체 사업 시작", BODY_A, f"{BODY_B} /한가람 기자"),
        [{"kind": "news", "body": f"{BODY_A}\n\n{BODY_B}", "byline_name": "한가람"}],
    ),
    (
        "a-one-sentence-last-paragraph-stays-in-the-article",
        page("가로등 교체 사업 시작", BODY_A, "구청은 가로등 교체가 끝나면 골목길 순찰도 늘리기로 했다. /한가람 기자"),
        [{"kind": "news", "byline_name": "한가람"}],
    ),
]


@run_table(TITLED_CAPTIONS)
def test_a_caption_whose_title_runs_into_it(text: str, expected: list[dict]) -> None:
    check(text, expected)


# --- a headline that is a whole clause ending in a final ending, without a full stop, after an article without a
# byline: no column cut leaves a line on a final ending, so it opens the next article -----------------------------
FINISHED_HEADLINES = [
    ("declarative", "남구 골목길 가로등 모두 바꾼다", BODY_A),
    ("two-case-marked-words", "주민들이 바라는 가로등은 무엇일까", BODY_A),
    ("past-tense", "해경이 갯바위 낚시객을 구조했다", BODY_A),
    ("old-style-ending", "시립도서관 어린이 독서 교실 문을 열다", BODY_A),
    # Kiwi reads 열다|도서관 more likely as one word (다도, tea ceremony): a final ending still ends the line.
    (
        "old-style-ending-before-a-word-it-could-join",
        "도서관 독서 교실 새로 열다",
        "도서관은 올여름 방학 동안 초등학생 독서 교실을 네 차례 연다.",
    ),
]


# --- a headline written as a clause closing on a verb whose ending is fused into its last syllable (열려, 모여, 나서)
# and marking no topic, after an article without a byline, opens the next article; a line that marks a topic, or
# closes on an ending of its own syllable (되고, 하며), is a body sentence cut by a column -----------------------------
CONNECTIVE_HEADLINES = [
    ("gathering-held", "광장에서 추모 집회가 열려", "시민 3천여 명이 모인 가운데 희생자를 기리는 행사가 진행됐다."),
    ("residents-step-in", "주민들이 해변에서 정화 활동에 나서", "지난 주말 해수욕장 일대에서 쓰레기 2톤을 치웠다."),
    ("citizens-gather", "시민 수천 명이 광장으로 모여", "정부의 예산 삭감에 항의하는 집회가 열렸다."),
]


CLAUSE_HEADLINES = FINISHED_HEADLINES + CONNECTIVE_HEADLINES


@pytest.mark.parametrize(("headline", "first"), [c[1:] for c in CLAUSE_HEADLINES], ids=[c[0] for c in CLAUSE_HEADLINES])
def test_a_headline_written_as_a_clause_opens_the_next_article(headline: str, first: str) -> None:
    """Final endings (FINISHED_HEADLINES) and fused verb endings (CONNECTIVE_HEADLINES) alike."""
    text = page("낚시객 세 명 구조", BODY_C, BODY_D, headline, first, BODY_B, "/한가람 기자")
    check(
        text,
        [
            {"headline": "낚시객 세 명 구조", "body": f"{BODY_C}\n\n{BODY_D}"},
            {"headline": headline, "body": f"{first}\n\n{BODY_B}"},
        ],
    )


CUT_CLAUSES = [
    ("topic-opinions-gathered", "구청은 주민 의견을 모아", "내년 예산에 반영하기로 했다."),
    ("topic-car-park-opened", "상인회는 주말마다 주차장을 열어", "손님을 모을 방침이다."),
    ("topic-lamps-changed", "시는 올해 가로등을 바꿔", "전기요금을 줄일 계획이다."),
    ("own-syllable-go", "지원 대상으로 뽑히면 심사 절차가 간소화되고", "사업비도 더 받을 수 있다."),
    ("own-syllable-myeo", "시립도서관이 이달부터 문을 늦게 닫으며", "직장인 이용자가 크게 늘었다."),
    ("own-syllable-eoseo", "주민들이 광장으로 모여서", "항의 집회를 열었다."),
]


@pytest.mark.parametrize(("first", "second"), [c[1:] for c in CUT_CLAUSES], ids=[c[0] for c in CUT_CLAUSES])
def test_a_cut_clause_stays_in_the_article(first: str, second: str) -> None:
    text = page("낚시객 세 명 구조", BODY_C, BODY_D, first, second, "/한가람 기자")
    check(text, [{"headline": "낚시객 세 명 구조", "body": f"{BODY_C}\n\n{BODY_D}\n\n{first} {second}"}])


# --- an advertisement whose only contact is a company's four-digit number (1588-xxxx) or a ☎ line -------------------
ADS = [
    (
        "four-digit-number-at-the-page-end",
        page("가로등 교체 사업 시작", BODY_A, "/한가람 기자", "새 아파트 입주 안내", "빛고을 더 힐 3단지", "입주문의 1588-1234"),
        [{"kind": "news"}, {"kind": "ad"}],
    ),
    (
        "four-digit-number-between-articles",
        page(
            "가로등 교체 사업 시작", BODY_A, "/한가람 기자", "가을 가구 대전", "전 품목 최대 50%", "상담 1644-5678",
            "낚시객 세 명 구조", BODY_C, "/오다온 기자",
        ),
        [{"kind": "news"}, {"kind": "ad"}, {"kind": "news", "headline": "낚시객 세 명 구조", "body": BODY_C}],
    ),
    (
        "phone-sign",
        page("가로등 교체 사업 시작", BODY_A, "/한가람 기자", "겨울맞이 난방기 할인", "☎ 062-555-1234"),
        [{"kind": "news"}, {"kind": "ad"}],
    ),
]  # fmt: skip


@run_table(ADS)
def test_an_ad_with_a_company_number(text: str, expected: list[dict]) -> None:
    check(text, expected)


# --- a lead paragraph cut by a column right after its opening date and comma: the first half is body text -----------
LEAD_DATES = [
    ("past-day", "지난 4일, 광주 남구청", "직원들이 골목길에서 가로등을 점검했다."),
    ("month-and-day", "10월 2일, 지역 출판사", "빛고을북스가 새 책을 펴냈다."),
    ("full-date", "2025년 9월 3일, 시민단체", "푸른하천이 성명을 냈다."),
    ("day-and-time", "3일 오후, 해양경찰", "구조대가 갯바위에 고립된 낚시객 세 명을 구조했다."),
]


@pytest.mark.parametrize(("first", "second"), [c[1:] for c in LEAD_DATES], ids=[c[0] for c in LEAD_DATES])
@pytest.mark.parametrize("position", ["under-the-headline", "after-an-article-without-byline"])
def test_a_lead_cut_after_its_opening_date(first: str, second: str, position: str) -> None:
    lead = f"{first} {second}"
    if position == "under-the-headline":
        check(
            page("구청 소식", first, second, BODY_B, "/한가람 기자"),
            [{"subheadlines": [], "body": f"{lead}\n\n{BODY_B}"}],
        )
    else:
        text = page("낚시객 세 명 구조", BODY_C, "구청 소식", BODY_D, first, second, "/한가람 기자")
        check(text, [{"headline": "낚시객 세 명 구조"}, {"headline": "구청 소식", "body": f"{BODY_D}\n\n{lead}"}])


def test_a_last_paragraph_that_takes_up_its_first_words_stays_in_the_article() -> None:
    # Its opening words come back later in it, but a topic is marked at once: a sentence, not a title.
    last = "구청은 가로등 교체 사업을 마치면 구청 직원들이 가로등 교체 현장을 다시 점검한다. /한가람 기자"
    check(page("가로등 교체 사업 시작", BODY_A, last), [{"kind": "news", "byline_name": "한가람"}])


# --- a footer's subscription phone line at the page's foot is furniture, not an ad ----------------------------------
FOOTERS = [
    ("after-the-paper-url", ["www.bitgoeul.example.kr", "구독문의 062-123-4567"]),
    ("alone-at-the-foot", ["구독문의 062-123-4567"]),
    ("ad-desk-phone", ["광고문의 062-765-4321"]),
    ("under-the-masthead-mirror", ["14   2025년 9월 4일 목요일   빛고을신문", "구독 신청 062-123-4567"]),
]


@pytest.mark.parametrize("footer", [c[1] for c in FOOTERS], ids=[c[0] for c in FOOTERS])
def test_a_footer_phone_line_is_furniture(footer: list[str]) -> None:
    reading = read_page(
        page("가로등 교체 사업 시작", BODY_A, "/한가람 기자", *footer), analysis_scores, final_tags, tags_at
    )
    assert reading.furniture_lines == footer
    assert [a.kind for a in reading.articles] == ["news"]


def test_a_phone_line_inside_an_ad_is_not_furniture() -> None:
    text = page(
        "가로등 교체 사업 시작", BODY_A, "/한가람 기자", "가을 가구 대전", "전 품목 최대 50%", "상담 062-555-1234"
    )
    check(text, [{"kind": "news"}, {"kind": "ad", "body": "가을 가구 대전\n전 품목 최대 50%\n상담 062-555-1234"}])
