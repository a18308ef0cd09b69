"""Table-driven cases for direct quotes and their speakers (``sinmun.entities.quotes``): the rules alone, over
sentences written here, with the article's entities given as the recognizer would give them."""

from __future__ import annotations

import re

import pytest

from sinmun.entities.quotes import find_quotes, quote_pairs, read_quotes

# Entities of the articles below: (type, canonical name, title, forms written in the text).
PEOPLE = [
    ("PERSON", "김준하", "인공지능산업융합사업단장", ("김준하", "김 단장")),
    ("PERSON", "강기정", "광주시장", ("강기정", "강 시장")),
    ("PERSON", "박서윤", "교수", ("박서윤",)),
    ("PERSON", "이도현", "대표", ("이도현",)),
    ("ORG", "광주시의회", None, ("광주시의회",)),
    ("ORG", "한국전력공사", None, ("한국전력공사", "한전")),
    ("LOCATION", "광주광역시", None, ("광주시", "광주")),
    ("LOCATION", "전라남도", None, ("전남도", "전남")),
]


def entities_of(text: str) -> list[dict]:
    """The entities of PEOPLE written in ``text``, each form found where it stands as a word of its own."""
    out = []
    for entity_type, name, title, forms in PEOPLE:
        mentions = []
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(re.escape(form), text):
                if any(x["start"] <= m.start() < x["end"] for x in mentions):
                    continue
                if m.start() > 0 and re.match(r"[가-힣]", text[m.start() - 1]):
                    continue
                mention = {"text": form, "start": m.start(), "end": m.end()}
                if entity_type == "PERSON" and " " in form:
                    mention["title"] = form.split()[-1]
                elif entity_type == "PERSON" and text[m.end() :].lstrip().startswith(title or "\0"):
                    mention["title"] = title
                mentions.append(mention)
        if mentions:
            out.append({"type": entity_type, "name": name, "title": title, "mentions": mentions})
    return out


def quotes_of(text: str) -> list[tuple]:
    return [(q.text, q.speaker, q.speaker_type, q.title, q.verb) for q in find_quotes(text, entities_of(text))]


# (case id, text, [(quoted words, speaker, speaker type, title as written, verb)])
CASES = [
    (
        "person-with-title-split-quote",
        '김준하 인공지능산업융합사업단장은 "광주가 준비를 마쳤다"며 "기업이 몰려오고 있다"고 밝혔다.',
        [
            ("광주가 준비를 마쳤다", "김준하", "PERSON", "인공지능산업융합사업단장", "밝혔다"),
            ("기업이 몰려오고 있다", "김준하", "PERSON", "인공지능산업융합사업단장", "밝혔다"),
        ],
    ),
    (
        "curly-marks-and-ramyeo",
        "강기정 광주시장은 “시민이 먼저다”라며 “예산을 아끼겠다”고 강조했다.",
        [
            ("시민이 먼저다", "강기정", "PERSON", "광주시장", "강조했다"),
            ("예산을 아끼겠다", "강기정", "PERSON", "광주시장", "강조했다"),
        ],
    ),
    (
        "short-reference-later",
        '강기정 광주시장이 5일 시청을 찾았다. 강 시장은 "직원들이 고생이 많다"고 말했다.',
        [("직원들이 고생이 많다", "강기정", "PERSON", "시장", "말했다")],
    ),
    (
        "subject-carried-from-previous-sentence",
        '박서윤 교수는 "연구비가 모자란다"고 말했다. 또 "학생들이 떠나고 있다"고 덧붙였다.',
        [
            ("연구비가 모자란다", "박서윤", "PERSON", "교수", "말했다"),
            ("학생들이 떠나고 있다", "박서윤", "PERSON", "교수", "덧붙였다"),
        ],
    ),
    (
        "omitted-subject-of-a-named-sentence",
        '이도현 대표는 이날 새 공장 계획을 내놓았다. 이어 "일자리 300개가 생긴다"고 설명했다.',
        [("일자리 300개가 생긴다", "이도현", "PERSON", "대표", "설명했다")],
    ),
    (
        "pronoun",
        '이도현 대표가 기자회견을 열었다. 그는 "수출이 두 배로 늘었다"고 전했다.',
        [("수출이 두 배로 늘었다", "이도현", "PERSON", "대표", "전했다")],
    ),
    (
        "speaker-after-the-quote",
        '"내년에도 축제를 열겠다"고 강기정 광주시장이 약속했다.',
        [("내년에도 축제를 열겠다", "강기정", "PERSON", "광주시장", "약속했다")],
    ),
    (
        "city-government-speaks-as-org",
        '광주시는 "다음 달부터 버스를 늘린다"고 밝혔다.',
        [("다음 달부터 버스를 늘린다", "광주광역시", "ORG", None, "밝혔다")],
    ),
    (
        "org-speaker",
        '한국전력공사는 "요금 인상은 없다"고 설명했다.',
        [("요금 인상은 없다", "한국전력공사", "ORG", None, "설명했다")],
    ),
    (
        "org-side",
        '광주시의회 측은 "조례를 다시 살피겠다"고 전했다.',
        [("조례를 다시 살피겠다", "광주시의회", "ORG", None, "전했다")],
    ),
    (
        "unnamed-official",
        '한 관계자는 "아직 정해진 것이 없다"고 말했다.',
        [("아직 정해진 것이 없다", None, None, None, "말했다")],
    ),
    (
        "official-of-an-org-is-unnamed",
        '한전 관계자는 "복구에 사흘이 걸린다"고 말했다.',
        [("복구에 사흘이 걸린다", None, None, None, "말했다")],
    ),
    (
        "unnamed-pronoun-carries-nobody",
        '한 주민은 "밤새 잠을 못 잤다"고 말했다. 그는 "빨리 고쳐 달라"고 호소했다.',
        [("밤새 잠을 못 잤다", None, None, None, "말했다"), ("빨리 고쳐 달라", None, None, None, "호소했다")],
    ),
    (
        "unknown-title-is-nobody",
        '현장을 찾은 한 교사는 "아이들이 안전해야 한다"고 강조했다.',
        [("아이들이 안전해야 한다", None, None, None, "강조했다")],
    ),
    (
        "title-of-one-person-in-the-article",
        '박서윤 교수가 연구를 이끌었다. "결과가 놀랍다"고 교수가 말했다.',
        [("결과가 놀랍다", "박서윤", "PERSON", "교수", "말했다")],
    ),
    (
        "quoted-name-is-not-a-quote",
        "광주시가 '글로벌 혁신 특구'를 신청했다. 'AI+X' 사업도 함께 추진한다.",
        [],
    ),
    (
        "title-of-a-work-is-not-a-quote",
        '이 영화는 "바람의 노래"의 속편이다. 관객들은 "바람의 노래"를 기억한다.',
        [],
    ),
    (
        "scare-quote-with-particle",
        '이른바 "깜깜이 예산"이 논란이 됐다.',
        [],
    ),
    (
        "naming-verb-is-not-speech",
        '사람들은 이 다리를 "빛의 다리"라고 부른다.',
        [],
    ),
    (
        "slogan",
        '행사는 "함께 웃는 광주"를 구호로 내걸었다.',
        [],
    ),
    (
        "short-quote-with-a-quotative-is-a-quote",
        '박서윤 교수는 이 계획을 "탁상공론"이라고 비판했다.',
        [("탁상공론", "박서윤", "PERSON", "교수", "비판했다")],
    ),
    (
        "adnominal-speech-noun",
        '이도현 대표는 "가격을 내릴 수 없다"는 입장을 밝혔다.',
        [("가격을 내릴 수 없다", "이도현", "PERSON", "대표", "밝혔다")],
    ),
    (
        "raneun-with-an-adjective-before-the-noun",
        '강기정 광주시장의 "모두 내 책임이다"라는 솔직한 발언이 화제가 됐다.',
        [("모두 내 책임이다", None, None, None, "됐다")],
    ),
    (
        "subject-after-an-adnominal-quote-is-another-clause's",
        '강기정 광주시장은 "예산은 충분하다"고 말했다. 또 "책임질 일은 없다"라는 발언으로 박서윤 교수가 자리를 떴다.',
        [
            ("예산은 충분하다", "강기정", "PERSON", "광주시장", "말했다"),
            ("책임질 일은 없다", "강기정", "PERSON", "광주시장", "떴다"),
        ],
    ),
    (
        "godo-and-ran",
        '이도현 대표는 "값을 올리지 않겠다"고도 했다. 박서윤 교수는 "쉽지 않다"란 말을 남겼다.',
        [
            ("값을 올리지 않겠다", "이도현", "PERSON", "대표", "했다"),
            ("쉽지 않다", "박서윤", "PERSON", "교수", "남겼다"),
        ],
    ),
    (
        "a-time-as-topic-is-no-speaker",
        '강기정 광주시장은 시청에서 기자회견을 했다. 올해는 "공원을 열 곳 더 만들겠다"고 약속했다.',
        [("공원을 열 곳 더 만들겠다", "강기정", "PERSON", "광주시장", "약속했다")],
    ),
    (
        "voices-of-many",
        '누리꾼들 사이에서는 "너무 늦었다", "이제라도 다행이다" 등의 반응이 나왔다.',
        [("너무 늦었다", None, None, None, "나왔다"), ("이제라도 다행이다", None, None, None, "나왔다")],
    ),
    (
        "request-as-object",
        '강기정 광주시장은 직원들에게 "시민 안전을 최우선으로 챙길 것"을 당부했다.',
        [("시민 안전을 최우선으로 챙길 것", "강기정", "PERSON", "광주시장", "당부했다")],
    ),
    (
        "source-before-the-quote",
        "광주시의회에 따르면 “올해 조례 개정안은 모두 12건이다”.",
        [("올해 조례 개정안은 모두 12건이다", None, None, None, None)],
    ),
    (
        "single-marks-sentence-as-speech",
        "박서윤 교수는 '이대로는 버틸 수 없다'고 털어놓았다.",
        [("이대로는 버틸 수 없다", "박서윤", "PERSON", "교수", "털어놓았다")],
    ),
    (
        "single-marks-name-with-quotative-is-not-a-quote",
        "주민들은 그 골목을 '할매길'이라고 불렀다.",
        [],
    ),
    (
        "space-before-quotative",
        '이도현 대표는 "다시 시작하겠다" 라고 말했다.',
        [("다시 시작하겠다", "이도현", "PERSON", "대표", "말했다")],
    ),
    (
        "quote-and-verb-with-connective",
        '강 시장은 "교통이 먼저다"고 말하며 "지하철 2호선을 서두르겠다"고 밝혔다.',
        [
            ("교통이 먼저다", "강기정", "PERSON", "시장", "말하며"),
            ("지하철 2호선을 서두르겠다", "강기정", "PERSON", "시장", "밝혔다"),
        ],
    ),
    (
        "two-speakers-in-one-sentence",
        '강기정 광주시장은 "협력하겠다"고 밝혔고, 이도현 대표는 "투자하겠다"고 답했다.',
        [
            ("협력하겠다", "강기정", "PERSON", "광주시장", "밝혔고"),
            ("투자하겠다", "이도현", "PERSON", "대표", "답했다"),
        ],
    ),
    (
        "embedded-subject-before-the-quote-is-passed-over",
        '강 시장은 "예산이 부족하다"고 말했다. 이어 빨간색이 선택된 이유에 대해서는 "시민이 골랐다"고 밝혔다.',
        [
            ("예산이 부족하다", "강기정", "PERSON", "시장", "말했다"),
            ("시민이 골랐다", "강기정", "PERSON", "시장", "밝혔다"),
        ],
    ),
    (
        "quotes-inside-a-quote-are-its-words",
        "박서윤 교수는 \"'함께 살자'는 말이 떠올랐다\"고 말했다.",
        [("'함께 살자'는 말이 떠올랐다", "박서윤", "PERSON", "교수", "말했다")],
    ),
    (
        "unclosed-mark-at-the-line-end-is-no-quote",
        '강 시장은 "올해는 다르다고 말했다.\n이도현 대표는 "좋다"고 답했다.',
        [("좋다", "이도현", "PERSON", "대표", "답했다")],
    ),
    (
        "a-question-put-to-the-speaker-is-not-theirs",
        '이도현 대표는 "가격을 올리느냐"는 질문에 "올릴 계획이 없다"고 답했다.',
        [
            ("가격을 올리느냐", None, None, None, "답했다"),
            ("올릴 계획이 없다", "이도현", "PERSON", "대표", "답했다"),
        ],
    ),
    (
        "a-request-put-to-the-speaker-is-not-theirs",
        '강 시장은 "예산을 늘려 달라"는 요청에 "검토하겠다"고 말했다.',
        [("예산을 늘려 달라", None, None, None, "말했다"), ("검토하겠다", "강기정", "PERSON", "시장", "말했다")],
    ),
    (
        "a-question-the-speaker-asks-is-theirs",
        '박서윤 교수는 "왜 이제야 고치느냐"는 질문을 던졌다.',
        [("왜 이제야 고치느냐", "박서윤", "PERSON", "교수", "던졌다")],
    ),
    (
        "a-speech-as-subject-is-its-maker's",
        '강기정 광주시장이 간담회에서 한 발언이 논란이다. 해당 발언은 회의 끝에 나왔다. "모두 물러나라"는 것이 '
        "요지였다.",
        [("모두 물러나라", "강기정", "PERSON", "광주시장", "요지였다")],
    ),
    (
        "a-speech-of-a-person-named-as-subject-two-sentences-back",
        '이도현 대표가 창립 기념식에서 연설을 했다. 직원들이 박수를 쳤다. 이 연설은 짧았다. "함께 가자"는 말로 끝났다.',
        [("함께 가자", "이도현", "PERSON", "대표", "끝났다")],
    ),
    (
        "a-speech-nobody-is-named-making-stays-unnamed",
        '시의회에서 나온 발언이 논란이다. 해당 발언은 회의 끝에 나왔다. "모두 물러나라"는 것이 요지였다.',
        [("모두 물러나라", None, None, None, "요지였다")],
    ),
    (
        "pronoun-is-the-later-of-the-last-quoted-and-the-last-subject",
        '강기정 광주시장은 "길을 넓히겠다"고 말했다. 이날 박서윤 교수는 새 연구를 소개했다. 그는 "연구비가 더 '
        '필요하다"고 강조했다.',
        [
            ("길을 넓히겠다", "강기정", "PERSON", "광주시장", "말했다"),
            ("연구비가 더 필요하다", "박서윤", "PERSON", "교수", "강조했다"),
        ],
    ),
    (
        "pronoun-passes-over-a-person-named-as-object",
        '강 시장은 "길을 넓히겠다"고 말했다. 이날 행사에서 박서윤 교수를 만났다. 그는 "함께 하자"고 제안했다.',
        [
            ("길을 넓히겠다", "강기정", "PERSON", "시장", "말했다"),
            ("함께 하자", "강기정", "PERSON", "시장", "제안했다"),
        ],
    ),
    (
        "pronoun-after-a-later-quote-keeps-its-speaker",
        '박서윤 교수는 새 연구를 소개했다. 강기정 광주시장은 "길을 넓히겠다"고 말했다. 그는 "예산도 늘리겠다"고 '
        "덧붙였다.",
        [
            ("길을 넓히겠다", "강기정", "PERSON", "광주시장", "말했다"),
            ("예산도 늘리겠다", "강기정", "PERSON", "광주시장", "덧붙였다"),
        ],
    ),
    (
        "title-then-a-name-of-two-words-the-recognizer-missed",
        '외교부 장관 마르틴 오스발트는 "협상은 끝났다"고 말했다.',
        [("협상은 끝났다", "마르틴 오스발트", "PERSON", "장관", "말했다")],
    ),
    (
        "title-then-a-missed-name-then-a-pronoun",
        '국방부 차관 안드레이 볼코프는 훈련을 마쳤다고 밝혔다. 그는 "다음 달에 다시 한다"고 덧붙였다.',
        [("다음 달에 다시 한다", "안드레이 볼코프", "PERSON", "차관", "덧붙였다")],
    ),
    (
        "title-then-an-office-is-no-name",
        '위원장 직무 대행은 "회의를 미룬다"고 말했다. 회장 일행은 "잘 다녀왔다"고 말했다.',
        [("회의를 미룬다", None, None, None, "말했다"), ("잘 다녀왔다", None, None, None, "말했다")],
    ),
    (
        "title-then-a-team-is-no-name",
        '교수 연구 팀은 "결과를 곧 낸다"고 밝혔다. 총장 직속 위원회는 "규정을 고친다"고 밝혔다.',
        [("결과를 곧 낸다", None, None, None, "밝혔다"), ("규정을 고친다", None, None, None, "밝혔다")],
    ),
    (
        "the-content-of-a-report-is-nobody's-speech",
        '박서윤 교수가 쓴 보고서 내용이 공개됐다. 보고서의 내용은 짧았다. "예산이 모자란다"는 것이 요지였다.',
        [("예산이 모자란다", None, None, None, "요지였다")],
    ),
    (
        "a-speaker-with-do-is-one-more-speaker",
        '박서윤 교수는 "연구비가 모자란다"고 말했다. 이도현 대표도 "투자하겠다"고 답했다.',
        [
            ("연구비가 모자란다", "박서윤", "PERSON", "교수", "말했다"),
            ("투자하겠다", "이도현", "PERSON", "대표", "답했다"),
        ],
    ),
    (
        "a-time-with-do-is-no-speaker",
        '박서윤 교수는 "연구비가 모자란다"고 말했다. 올해도 "학생이 떠난다"고 덧붙였다.',
        [
            ("연구비가 모자란다", "박서윤", "PERSON", "교수", "말했다"),
            ("학생이 떠난다", "박서윤", "PERSON", "교수", "덧붙였다"),
        ],
    ),
    (
        "a-quote-announced-by-the-sentence-before",
        '강기정 광주시장은 이렇게 말했다. "시민이 먼저다." 이도현 대표는 다음과 같이 밝혔다: "공장을 하나 더 짓는다."',
        [
            ("시민이 먼저다.", "강기정", "PERSON", "광주시장", None),
            ("공장을 하나 더 짓는다.", "이도현", "PERSON", "대표", None),
        ],
    ),
    (
        "a-name-announced-is-no-quote",
        '강기정 광주시장은 이렇게 말했다. "희망의 다리"',
        [],
    ),
    (
        "goman-is-a-quotative",
        '강 시장은 "검토하겠다"고만 말했다. 박서윤 교수는 "지켜보자"라고만 했다.',
        [("검토하겠다", "강기정", "PERSON", "시장", "말했다"), ("지켜보자", "박서윤", "PERSON", "교수", "했다")],
    ),
    (
        "the-words-of-a-person-named-after-the-quote",
        '"연구비가 모자란다"는 것이 박서윤 교수의 지적이다. "길을 넓히겠다"는 게 강 시장의 설명이다.',
        [
            ("연구비가 모자란다", "박서윤", "PERSON", "교수", "지적이다"),
            ("길을 넓히겠다", "강기정", "PERSON", "시장", "설명이다"),
        ],
    ),
    (
        "the-words-of-a-government-or-of-nobody-named-after-the-quote",
        '"버스를 늘린다"는 것이 광주시의 설명이다. "값이 더 오른다"는 게 업계의 분석이다. "공장을 짓는다"는 게 회사 측 '
        "설명이다.",
        [
            ("버스를 늘린다", "광주광역시", "ORG", None, "설명이다"),
            ("값이 더 오른다", None, None, None, "분석이다"),
            ("공장을 짓는다", None, None, None, "설명이다"),
        ],
    ),
    (
        "words-owned-by-a-speech-are-its-maker's",
        '이도현 대표가 창립 기념식에서 한 연설이 화제다. "함께 가자"는 것이 연설의 요지였다.',
        [("함께 가자", "이도현", "PERSON", "대표", "요지였다")],
    ),
    (
        "a-quoted-sentence-then-whose-words-they-were",
        '강 시장은 회의를 마쳤다. "예산이 부족합니다. 모두 아껴 주세요." 강 시장의 당부다. "버스를 늘린다." 광주시의 '
        "설명이다.",
        [
            ("예산이 부족합니다. 모두 아껴 주세요.", "강기정", "PERSON", "시장", None),
            ("버스를 늘린다.", "광주광역시", "ORG", None, None),
        ],
    ),
    (
        "a-quoted-sentence-then-no-ones-words-is-no-quote",
        '"봄이 왔다." 올해 축제의 주제다.',
        [],
    ),
    (
        "a-thing-that-is-no-ones-words-is-no-quote",
        '"작은 도서관"이라는 것이 이 마을의 자랑이다.',
        [],
    ),
    (
        "a-new-paragraph-does-not-carry-an-old-speaker",
        '박서윤 교수는 "연구비가 모자란다"고 말했다.\n\n날씨가 풀렸다. 봄꽃이 피었다. 축제가 열린다. 그러나 "아직 춥다"는 '
        "말도 나온다.",
        [("연구비가 모자란다", "박서윤", "PERSON", "교수", "말했다"), ("아직 춥다", None, None, None, "나온다")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_quotes_and_their_speakers(text: str, expected: list[tuple]):
    assert quotes_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_offsets_point_at_the_quoted_words(text: str, expected: list[tuple]):
    for quote in find_quotes(text, entities_of(text)):
        assert text[quote.start : quote.end] == quote.text
        assert text[quote.start - 1] in "\"“'‘" and text[quote.end] in "\"”'’"


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ('그는 "가"와 "나다"를 적었다.', ["가", "나다"]),
        ("“하나” 그리고 “둘”", ["하나", "둘"]),
        ("'작은' 따옴표 \"큰 '안쪽' 따옴표\"", ["작은", "큰 '안쪽' 따옴표"]),
        ('닫히지 않은 "따옴표\n다음 줄 "끝"', ["끝"]),
        ('빈 "" 따옴표', []),
    ],
)
def test_quotation_marks_pair_up(text: str, spans: list[str]):
    assert [text[p.start : p.end] for p in quote_pairs(text)] == spans


def test_no_entities_still_finds_quotes_without_a_speaker():
    [quote] = find_quotes('김철수 씨는 "비가 많이 왔다"고 말했다.')
    assert (quote.text, quote.speaker, quote.speaker_type, quote.verb) == ("비가 많이 왔다", None, None, "말했다")


def test_kiwi_tokens_decide_which_words_end_in_a_subject_particle():
    text = '강 시장은 "예산이 부족하다"고 말했다. 이어 행사가 열리는 광장에서 "시민이 주인이다"고 강조했다.'
    entities = entities_of(text)
    # without tokens, 열리는 (a verb's adnominal ending) passes for a topic naming nobody
    assert [q.speaker for q in find_quotes(text, entities)] == ["강기정", None]
    # Kiwi reads 열리는 as 열리 + 는/ETM and 행사가 as 행사 + 가/JKS: the subject of an embedded clause, passed over,
    # and the speaker goes on from the sentence before
    tokens = [(text.index("시장은") + 2, text.index("시장은") + 3, "JX", "는")]
    tokens += [(text.index("열리는") + 2, text.index("열리는") + 3, "ETM", "는")]
    tokens += [(text.index("행사가") + 2, text.index("행사가") + 3, "JKS", "가")]
    assert [q.speaker for q in find_quotes(text, entities, tokens)] == ["강기정", "강기정"]


def test_plural_subjects_are_people_at_large():
    text = '이도현 대표는 투자를 약속했다. 주민들은 "도로를 넓혀 달라"고 요구했다.'
    [quote] = find_quotes(text, entities_of(text))
    assert (quote.speaker, quote.verb) == (None, "요구했다")


# Names the recognizer missed, read with Kiwi's tokens (its proper-noun tags are the evidence of a name); the
# article's entities are those of PEOPLE above, which name none of these speakers.
# (case id, text, [(quoted words, speaker, speaker type, title as written)], people added)
MISSED_NAME_CASES = [
    (
        "appositive-then-a-name",
        '그림책의 저자인 하루키가 블로그에서 "속편을 쓴다"고 밝혔다.',
        [("속편을 쓴다", "하루키", "PERSON", "저자")],
        ["하루키"],
    ),
    (
        "a-name-then-its-title",
        '홍길동 교수는 "학생이 줄었다"고 말했다.',
        [("학생이 줄었다", "홍길동", "PERSON", "교수")],
        ["홍길동"],
    ),
    (
        "a-foreign-name-of-two-words-right-before-the-quote",
        '이 법안에 대해, 리처드 버틀러는 "너무 성급하다"고 비판했다.',
        [("너무 성급하다", "리처드 버틀러", "PERSON", None)],
        ["리처드 버틀러"],
    ),
    (
        "a-title-then-a-name-then-a-pronoun",
        '국무장관 존 케리는 회담을 마쳤다. 그는 "대화를 이어가겠다"고 말했다.',
        [("대화를 이어가겠다", "존 케리", "PERSON", "국무장관")],
        ["존 케리"],
    ),
    (
        "a-brand-is-no-person",
        '모아나랜드는 "새 놀이기구를 연다"고 밝혔다. 초록별은 "새 노래를 낸다"고 밝혔다.',
        [("새 놀이기구를 연다", None, None, None), ("새 노래를 낸다", None, None, None)],
        [],
    ),
    (
        "a-party-is-no-person",
        '공화당은 "법안에 반대한다"고 밝혔다.',
        [("법안에 반대한다", None, None, None)],
        [],
    ),
    (
        "an-office-before-a-title-is-no-name",
        '현직 의원은 "법안에 반대한다"고 말했다. 담당 교수는 "학생이 줄었다"고 말했다.',
        [("법안에 반대한다", None, None, None), ("학생이 줄었다", None, None, None)],
        [],
    ),
    (
        "a-named-speaker-stays-the-recognizer's",
        '강기정 광주시장은 "길을 넓히겠다"고 말했다.',
        [("길을 넓히겠다", "강기정", "PERSON", "광주시장")],
        [],
    ),
]


@pytest.fixture(scope="module")
def kiwi_tokens() -> dict[str, list]:
    from sinmun.entities.extract import kiwi_tokenizer

    texts = [case[1] for case in MISSED_NAME_CASES]
    return dict(zip(texts, kiwi_tokenizer(texts), strict=True))


@pytest.mark.parametrize(
    ("text", "expected", "added"), [c[1:] for c in MISSED_NAME_CASES], ids=[c[0] for c in MISSED_NAME_CASES]
)
def test_speakers_the_recognizer_missed(text: str, expected: list[tuple], added: list[str], kiwi_tokens: dict):
    reading = read_quotes(text, entities_of(text), kiwi_tokens[text])
    assert [(q.text, q.speaker, q.speaker_type, q.title) for q in reading.quotes] == expected
    assert [e["name"] for e in reading.speakers_added] == added
    for entity in reading.speakers_added:
        assert entity["type"] == "PERSON"
        assert all(text[m["start"] : m["end"]] == m["text"] == entity["name"] for m in entity["mentions"])
