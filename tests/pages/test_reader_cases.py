"""Table-driven cases for the page reader: one small page per rule, written for this project.

Each case is a page's text and, for each expected piece in order, the fields
that rule is about. The reader runs with the real Kiwi scorer.
"""

from __future__ import annotations

import pytest

from sinmun.morphology import analysis_scores, final_tags
from sinmun.pages.furniture import read_furniture
from sinmun.pages.reader import read_page
from tests.helpers.pages import article_view, page

BODY_A = "광주시가 올해 처음으로 시민참여 예산 설명회를 열었다."
BODY_B = "설명회에는 시민 200여명이 참석해 예산 편성 과정에 대한 의견을 나눴다."
BYLINE = "/박하늘 기자 sky@bitgoeul.example.kr"


CASES = [
    # --- articles, headlines, sub-headlines -------------------------------------------------------------------
    (
        "headline-body-byline",
        page("시민참여 예산 설명회 첫 개최", BODY_A, BODY_B, BYLINE),
        [
            {
                "kind": "news",
                "headline": "시민참여 예산 설명회 첫 개최",
                "subheadlines": [],
                "body": f"{BODY_A}\n\n{BODY_B}",
            }
        ],
    ),
    (
        "one-subheadline",
        page("시민참여 예산 설명회 첫 개최", "시민 200여명 참석...예산 편성 의견 나눠", BODY_A, BYLINE),
        [{"headline": "시민참여 예산 설명회 첫 개최", "subheadlines": ["시민 200여명 참석...예산 편성 의견 나눠"]}],
    ),
    (
        "two-subheadlines",
        page("광주 도심 하천 정비 본격화", "광주천 생태복원 1단계 착공", "2026년까지 480억원 투입", BODY_A, BYLINE),
        [{"subheadlines": ["광주천 생태복원 1단계 착공", "2026년까지 480억원 투입"], "body": BODY_A}],
    ),
    (
        "quoted-headline",
        page('김도윤 교육감 "기초학력 책임지겠다"', BODY_A, BYLINE),
        [{"headline": '김도윤 교육감 "기초학력 책임지겠다"'}],
    ),
    (
        "headline-opens-new-piece-without-byline",
        page("첫 기사 제목", BODY_A, "둘째 기사 제목", BODY_B, BYLINE),
        [{"headline": "첫 기사 제목", "body": BODY_A, "byline": None}, {"headline": "둘째 기사 제목", "body": BODY_B}],
    ),
    (
        "byline-closes-piece",
        page("첫 기사 제목", BODY_A, BYLINE, "둘째 기사 제목", BODY_B, "/정우진 기자"),
        [{"headline": "첫 기사 제목"}, {"headline": "둘째 기사 제목", "byline_name": "정우진"}],
    ),
    # --- bylines ------------------------------------------------------------------------------------------------
    (
        "byline-name-role-email",
        page("제목", BODY_A, BYLINE),
        [
            {
                "byline": {
                    "name": "박하늘",
                    "names": ["박하늘"],
                    "role": "기자",
                    "email": "sky@bitgoeul.example.kr",
                    "affiliation": None,
                    "credit": None,
                }
            }
        ],
    ),
    (
        "byline-two-reporters",
        page("제목", BODY_A, "/김민수·최은지 기자"),
        [{"byline_names": ["김민수", "최은지"], "byline_name": "김민수"}],
    ),
    (
        "byline-without-slash-with-email",
        page("제목", BODY_A, "김민수 기자 minsu@namdomaeil.example.kr"),
        [{"byline_name": "김민수", "byline_email": "minsu@namdomaeil.example.kr"}],
    ),
    ("byline-dateline", page("제목", BODY_A, "/목포=김민수 기자"), [{"byline_name": "김민수", "body": BODY_A}]),
    (
        "byline-special-correspondent",
        page("제목", BODY_A, "/워싱턴=이서준 특파원 sj@seohae.example.kr"),
        [{"byline_name": "이서준", "byline_role": "특파원"}],
    ),
    (
        "byline-text-and-photo",
        page("제목", BODY_A, "/글·사진=김민수 기자"),
        [{"kind": "news", "byline_name": "김민수", "byline_credit": "글·사진"}],
    ),
    (
        "wire-opening",
        page(
            "전남 섬 지역 여객선 증편", "(무안=연합뉴스) 김민수 기자 = 전라남도가 섬 지역 여객선 운항을 늘린다.", BODY_B
        ),
        [
            {
                "byline_name": "김민수",
                "byline_affiliation": "연합뉴스",
                "body": f"전라남도가 섬 지역 여객선 운항을 늘린다.\n\n{BODY_B}",
            }
        ],
    ),
    (
        "wire-opening-no-reporter",
        page("여객선 증편", "(무안=연합뉴스) 전라남도가 섬 지역 여객선 운항을 늘린다."),
        [{"byline_affiliation": "연합뉴스", "body": "전라남도가 섬 지역 여객선 운항을 늘린다."}],
    ),
    # --- photos -------------------------------------------------------------------------------------------------
    (
        "photo-inline-byline-quoted-title",
        page(
            "봄맞이 '꽃길 걷기' 시민들이 10일 광주 중외공원에서 꽃길을 걷고 있다. /김진수 기자 jeans@bitgoeul.example.kr"
        ),
        [
            {
                "kind": "photo",
                "headline": "봄맞이 '꽃길 걷기'",
                "body": "시민들이 10일 광주 중외공원에서 꽃길을 걷고 있다.",
                "byline_name": "김진수",
            }
        ],
    ),
    (
        "photo-title-line-caption-credit",
        page("활짝 핀 매화", "9일 광양시 다압면 매화마을에서 관광객들이 매화를 구경하고 있다.", "/사진=광양시 제공"),
        [{"kind": "photo", "headline": "활짝 핀 매화", "byline_credit": "사진=광양시 제공", "byline_name": None}],
    ),
    (
        "photo-inside-article",
        page(
            "제목",
            BODY_A,
            "설명회에는 시민 200여명이 참석해 예산",
            "설명회 현장 시민들이 질문하고 있다. /김진수 기자",
            "편성 과정에 대한 의견을 나눴다.",
            BYLINE,
        ),
        [{"kind": "news", "body": f"{BODY_A}\n\n{BODY_B}"}, {"kind": "photo", "byline_name": "김진수"}],
    ),
    (
        "credit-after-byline-goes-to-article",
        page("제목", BODY_A, BYLINE, "/사진=광주시 제공"),
        [{"kind": "news", "byline_name": "박하늘", "byline_credit": "사진=광주시 제공"}],
    ),
    # --- column breaks ------------------------------------------------------------------------------------------
    (
        "break-mid-word-particle",
        page("제목", "이번 협약은 두 기관의 발전 방향", "을 제시하고 협력 체계를 마련했다.", BYLINE),
        [{"body": "이번 협약은 두 기관의 발전 방향을 제시하고 협력 체계를 마련했다."}],
    ),
    (
        "break-mid-word-noun",
        page("제목", "산업 혁신의 핵", "심 엔진으로 자리잡겠다는 포부를 밝혔다.", BYLINE),
        [{"body": "산업 혁신의 핵심 엔진으로 자리잡겠다는 포부를 밝혔다."}],
    ),
    (
        "break-mid-word-ending",
        page("제목", "두 기관은 투자 유치에 함께 나서", "기로 했으며 정기 회의도 열 계획이다.", BYLINE),
        [{"body": "두 기관은 투자 유치에 함께 나서기로 했으며 정기 회의도 열 계획이다."}],
    ),
    (
        "break-between-words",
        page("제목", "양 기관은 이번 협약을 통해 지역 경제", "발전을 함께 이끌기로 했다.", BYLINE),
        [{"body": "양 기관은 이번 협약을 통해 지역 경제 발전을 함께 이끌기로 했다."}],
    ),
    ("no-join-after-sentence-end", page("제목", BODY_A, BODY_B, BYLINE), [{"body": f"{BODY_A}\n\n{BODY_B}"}]),
    (
        "no-join-after-quote-end",
        page("제목", '그는 "끝까지 최선을 다하겠다."', BODY_B, BYLINE),
        [{"body": f'그는 "끝까지 최선을 다하겠다."\n\n{BODY_B}'}],
    ),
    (
        "first-body-paragraph-cut",
        page(
            "광주 공공도서관 야간 개방",
            "광주시가 다음달부터 시립도서관 세 곳의 운영 시간을 밤 10시까지 연장하고 주말 프로그램",
            "을 늘린다.",
            BYLINE,
        ),
        [
            {
                "subheadlines": [],
                "body": "광주시가 다음달부터 시립도서관 세 곳의 운영 시간을 밤 10시까지 연장하고 주말 프로그램을 늘린다.",
            }
        ],
    ),
    (
        "clause-cut-between-words-is-not-a-headline",
        page("제목", BODY_A, "시는 올해 시민 정원을 도심", "곳곳에 조성하고 관리 인력도 늘린다.", BYLINE),
        [{"headline": "제목", "body": f"{BODY_A}\n\n시는 올해 시민 정원을 도심 곳곳에 조성하고 관리 인력도 늘린다."}],
    ),
    # --- cross-references and continuations ---------------------------------------------------------------------
    (
        "cross-ref-line",
        page("제목", BODY_A, "〈관련기사 7면〉", BODY_B, BYLINE),
        [{"cross_refs": [7], "body": f"{BODY_A}\n\n{BODY_B}"}],
    ),
    ("cross-ref-arrow", page("제목", BODY_A, "▶관련기사 3면", BYLINE), [{"cross_refs": [3], "body": BODY_A}]),
    ("cross-ref-two-pages", page("제목", BODY_A, "〈관련기사 4·5면〉", BYLINE), [{"cross_refs": [4, 5]}]),
    (
        "cross-ref-inline-at-paragraph-end",
        page("제목", f"{BODY_A} 〈관련기사 6면〉", BYLINE),
        [{"cross_refs": [6], "body": BODY_A}],
    ),
    (
        "continues-on",
        page("제목", BODY_A, "예산 설명회는 오는 20일까지 5개 구를 돌며", "3면에 계속"),
        [{"continues_on": 3, "body": f"{BODY_A}\n\n예산 설명회는 오는 20일까지 5개 구를 돌며"}],
    ),
    ("continues-on-bracketed", page("제목", BODY_A, "〈3면에 계속〉"), [{"continues_on": 3, "body": BODY_A}]),
    (
        "continued-from",
        page("〈1면에서 계속〉", "열린다. 시는 설명회에서 나온 의견을 내년 예산에 반영할 계획이다.", BYLINE),
        [
            {
                "kind": "continuation",
                "continues_from": 1,
                "headline": None,
                "body": "열린다. 시는 설명회에서 나온 의견을 내년 예산에 반영할 계획이다.",
            }
        ],
    ),
    (
        "continued-from-inline",
        page("〈1면에서 계속〉 시는 설명회에서 나온 의견을 내년 예산에 반영할 계획이다.", BYLINE),
        [
            {
                "kind": "continuation",
                "continues_from": 1,
                "body": "시는 설명회에서 나온 의견을 내년 예산에 반영할 계획이다.",
            }
        ],
    ),
    # --- labelled pieces ----------------------------------------------------------------------------------------
    (
        "editorial",
        page(
            "[사설] 지역 의료 공백 더는 방치해선 안 된다",
            "전남의 의료 인력 부족이 심각하다.",
            "정부는 공공의대 설립을 서둘러야 한다.",
        ),
        [{"kind": "editorial", "label": "사설", "headline": "지역 의료 공백 더는 방치해선 안 된다", "byline": None}],
    ),
    (
        "notice-personnel",
        page("[인사]", "◇광주시", "▲기획조정실장 김태호", "▲문화체육실장 이은정"),
        [{"kind": "notice", "label": "인사", "body": "◇광주시\n\n▲기획조정실장 김태호\n\n▲문화체육실장 이은정"}],
    ),
    (
        "notice-obituary",
        page("[부고]", "▲홍길순씨 별세, 김철호(광주시청 과장)씨 모친상 = 5일 광주 천지장례식장, 발인 7일 오전 8시"),
        [{"kind": "notice", "label": "부고"}],
    ),
    (
        "column-letter-spaced-author",
        page(
            "[빛고을칼럼] 봄날의 도서관",
            "도서관은 도시의 기억을 품는 곳이다.",
            "그 기억이 오래 가려면 시민이 찾아야 한다.",
            "정 영 숙",
            "광주시의회 의원",
        ),
        [
            {
                "kind": "column",
                "label": "빛고을칼럼",
                "headline": "봄날의 도서관",
                "byline_name": "정영숙",
                "byline_affiliation": "광주시의회 의원",
                "body": "도서관은 도시의 기억을 품는 곳이다.\n\n그 기억이 오래 가려면 시민이 찾아야 한다.",
            }
        ],
    ),
    (
        "column-author-before-body",
        page(
            "[아침을 열며] 작은 학교의 힘",
            "이 서 연",
            "광주교대 교수",
            "작은 학교가 마을을 살린다.",
            "아이들이 있어야 마을이 산다.",
        ),
        [
            {
                "kind": "column",
                "byline_name": "이서연",
                "byline_affiliation": "광주교대 교수",
                "body": "작은 학교가 마을을 살린다.\n\n아이들이 있어야 마을이 산다.",
            }
        ],
    ),
    # --- bullets ------------------------------------------------------------------------------------------------
    (
        "bullets-are-body",
        page(
            "제목", "시·군별 주요 사업은 다음과 같다.", "▲목포시 스마트 산단 조성", "▲해남군 해상풍력 단지 개발", BYLINE
        ),
        [{"body": "시·군별 주요 사업은 다음과 같다.\n\n▲목포시 스마트 산단 조성\n\n▲해남군 해상풍력 단지 개발"}],
    ),
    (
        "bullet-list-first",
        page("행사 안내", "◇일시: 3월 9일 오전 10시", "◇장소: 광주시청 대회의실", BYLINE),
        [{"headline": "행사 안내", "body": "◇일시: 3월 9일 오전 10시\n\n◇장소: 광주시청 대회의실"}],
    ),
    # --- advertisements -----------------------------------------------------------------------------------------
    (
        "ad-at-page-end",
        page(
            "제목",
            BODY_A,
            BYLINE,
            "봄맞이 특별 할인",
            "**최대 50%** 할인",
            "문의 062-555-1234",
            "www.example-mall.co.kr",
        ),
        [{"kind": "news"}, {"kind": "ad", "headline": None}],
    ),
    (
        "ad-between-articles",
        page(
            "제목",
            BODY_A,
            BYLINE,
            "www.namdo-expo.kr",
            "남도 음식 박람회 2024.4.5^금 ~ 4.7^일",
            "둘째 기사 제목",
            BODY_B,
            "/정우진 기자",
        ),
        [{"kind": "news"}, {"kind": "ad"}, {"kind": "news", "headline": "둘째 기사 제목", "body": BODY_B}],
    ),
    # --- page furniture -----------------------------------------------------------------------------------------
    (
        "header-line-removed",
        page("2024년 3월 5일 화요일 제8123호 빛고을신문 3면 종합", "제목", BODY_A, BYLINE),
        [{"headline": "제목", "body": BODY_A}],
    ),
    (
        "footer-url-phone-removed",
        page("제목", BODY_A, BYLINE, "www.bitgoeul.example.kr 구독문의 062-123-4567"),
        [{"headline": "제목"}],
    ),
    (
        "header-split-over-lines",
        page("빛고을신문", "2024년 3월 5일 화요일", "종합", "제목", BODY_A, BYLINE),
        [{"headline": "제목", "body": BODY_A}],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_reader_case(text: str, expected: list[dict]) -> None:
    articles = [article_view(a) for a in read_page(text, analysis_scores, final_tags).articles]
    assert len(articles) == len(expected), [(a["kind"], a["headline"]) for a in articles]
    for got, want in zip(articles, expected, strict=True):
        for key, value in want.items():
            assert got[key] == value, f"{key}: {got[key]!r} != {value!r}"


def test_case_table_is_large_enough() -> None:
    assert len(CASES) >= 40
    assert len({c[0] for c in CASES}) == len(CASES)


FURNITURE_CASES = [
    (
        "2024년 3월 5일 화요일 제8123호 빛고을신문 3면 종합",
        {"publication": "bitgoeul", "date": "2024-03-05", "page": 3, "section": "종합"},
    ),
    ("제10234호 광주일보 2023년 6월 2일 금요일", {"publication": "kwangju", "date": "2023-06-02", "page": None}),
    ("- 7 - 2024.3.8(금) 남도매일신문", {"publication": "namdo", "date": "2024-03-08", "page": 7}),
    ("사회 12면", {"page": 12, "section": "사회"}),
    # A masthead: the paper, the date and the page number bare at the line's outer end; on even pages mirrored.
    ("빛고을신문                2025년 9월 3일 수요일                7", {"date": "2025-09-03", "page": 7}),
    ("14                2025년 9월 4일 목요일                빛고을신문", {"date": "2025-09-04", "page": 14}),
    ("빛고을신문 2025년 10월 1일 수요일 21", {"publication": "bitgoeul", "date": "2025-10-01", "page": 21}),
    ("8 2025년 10월 2일 목요일 빛고을신문", {"publication": "bitgoeul", "date": "2025-10-02", "page": 8}),
    ("빛고을신문 2025. 10. 3", {"date": "2025-10-03", "page": None}),
]


@pytest.mark.parametrize(("header", "expected"), FURNITURE_CASES, ids=[c[0] for c in FURNITURE_CASES])
def test_header_metadata(header: str, expected: dict) -> None:
    reading = read_page(page(header, "제목", BODY_A, BYLINE), analysis_scores, final_tags)
    f = reading.furniture
    got = {
        "publication": f.publication,
        "date": f.publication_date.isoformat() if f.publication_date else None,
        "page": f.page,
        "section": f.section,
    }
    for key, value in expected.items():
        assert got[key] == value, f"{key}: {got[key]!r} != {value!r}"
    assert header in reading.furniture_lines
    assert [a.headline for a in reading.articles] == ["제목"]


@pytest.mark.parametrize(
    "header",
    ["빛고을신문          2025년 9월 3일 수요일          7", "14          2025년 9월 4일 목요일          빛고을신문"],
)
@pytest.mark.parametrize("section", ["경제", "문화", "스포츠"])
def test_masthead_and_section_line_stay_out_of_articles(header: str, section: str) -> None:
    reading = read_page(
        page(header, section, "시민참여 예산 설명회 첫 개최", BODY_A, BYLINE), analysis_scores, final_tags
    )
    assert reading.furniture_lines == [header, section]
    assert reading.furniture.section == section
    assert [a.headline for a in reading.articles] == ["시민참여 예산 설명회 첫 개최"]


@pytest.mark.parametrize(
    "line",
    ["12 3", "시민 12", "2025년 9월 3일 수요일 오후 7", "빛고을신문 2025. 10. 3"],
)
def test_a_bare_number_without_a_paper_or_date_is_no_page_number(line: str) -> None:
    assert read_furniture([line]).page is None
