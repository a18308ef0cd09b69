"""``extract_batch``: one Kiwi pass over a batch of articles fills each article's entities, dates, amounts and
quotes in place and returns its search terms (real Kiwi, shared by the session; sentences written for this test)."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from sinmun.entities.extract import extract_batch, kiwi_tokenizer

PUBLISHED = date(2024, 3, 6)
MAYOR_BODY = (
    '윤세라 목포시장은 5일 시청에서 열린 회의에서 "항구 축제를 키우겠다"고 말했다.\n\n'
    "목포시는 올해 축제 예산으로 3억원을 편성했다."
)
FILLED = frozenset({"entities", "dates", "amounts", "quotes"})


def article(kind: str = "news", headline: str | None = "제목", body: str | None = None, ordinal: int = 1) -> dict:
    return {"ordinal": ordinal, "kind": kind, "headline": headline, "subheadlines": [], "body": body}


def found(one: dict, key: str, *fields: str) -> list[tuple]:
    return [tuple(item.get(f) for f in fields) for item in one[key]]


# (case, article, what extract_batch fills in: key -> (fields compared, expected rows in order))
CASES = [
    (
        "person-title-place-date-amount-quote",
        article(headline="목포시, 항구 축제 예산 3억원 편성", body=MAYOR_BODY),
        {
            "entities": (("type", "name", "title"), [("PERSON", "윤세라", "목포시장"), ("LOCATION", "전라남도 목포시", None)]),
            "dates": (("text", "date", "precision"), [("5일", "2024-03-05", "day"), ("올해", "2024-01-01", "year")]),
            "amounts": (("text", "value", "unit", "approximate"), [("3억원", 300_000_000, "KRW", False)]),
            "quotes": (("text", "speaker", "speaker_type", "verb"), [("항구 축제를 키우겠다", "윤세라", "PERSON", "말했다")]),
        },
    ),
    (
        "approximate-amount-and-a-date-of-another-year",
        article(body="해남군은 2023년 12월 31일까지 약 1200만원을 모았다고 밝혔다."),
        {
            "dates": (("text", "date", "precision"), [("2023년 12월 31일", "2023-12-31", "day")]),
            "amounts": (("value", "unit", "approximate"), [(12_000_000, "KRW", True)]),
            "quotes": (("text",), []),
        },
    ),
    (
        "nothing-to-find",
        article(body="비가 그치고 바람이 잦아들었다."),
        {"entities": (("name",), []), "dates": (("text",), []), "amounts": (("text",), []), "quotes": (("text",), [])},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("case", "given", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_kind_of_finding_is_filled_in(case: str, given: dict, expected: dict) -> None:
    one = copy.deepcopy(given)
    extract_batch([one], [PUBLISHED])
    assert one.keys() >= FILLED
    for key, (fields, rows) in expected.items():
        assert found(one, key, *fields) == rows, key


def test_every_offset_points_at_its_text_in_the_body() -> None:
    one = article(body=MAYOR_BODY)
    extract_batch([one], [PUBLISHED])
    spans = [(m["start"], m["end"], m["text"]) for e in one["entities"] for m in e["mentions"]]
    spans += [(item["start"], item["end"], item["text"]) for key in ("dates", "amounts", "quotes") for item in one[key]]
    assert len(spans) == 7  # 3 mentions, 2 dates, 1 amount, 1 quote
    for start, end, text in spans:
        assert MAYOR_BODY[start:end] == text


def test_a_day_without_month_and_year_takes_them_from_the_publication_date_else_stays_unresolved() -> None:
    dated, undated = article(body="군은 5일 회의를 열었다."), article(body="군은 5일 회의를 열었다.")
    extract_batch([dated, undated], [PUBLISHED, None])
    assert found(dated, "dates", "text", "date") == [("5일", "2024-03-05")]
    assert found(undated, "dates", "text", "date", "precision") == [("5일", None, "day")]


def test_ads_and_pieces_without_a_body_get_search_terms_but_no_findings() -> None:
    ad = article("ad", "분양 안내", "해남군 새 아파트 분양 문의 환영")
    photo = article("photo", "여수 밤바다 불꽃놀이", None)
    terms = extract_batch([ad, photo], [PUBLISHED, PUBLISHED])
    assert not FILLED & ad.keys() and not FILLED & photo.keys()
    assert terms[0].frequency["분양"] == 2 and terms[0].headline_frequency["분양"] == 1
    assert terms[0].frequency["해남군"] == 1 and terms[0].headline_frequency["해남군"] == 0
    assert terms[1].frequency == terms[1].headline_frequency  # no body: every term is the headline's
    assert terms[1].term_count == sum(terms[1].frequency.values()) > 0


def test_terms_count_body_and_headline_and_come_back_in_the_articles_order() -> None:
    batch = [
        article(headline="항구 축제", body="항구 축제가 열렸다. 축제에 시민이 모였다.", ordinal=1),
        article(headline=None, body="도서관이 문을 열었다.", ordinal=2),
    ]
    terms = extract_batch(batch, [PUBLISHED, PUBLISHED])
    assert len(terms) == 2
    assert (terms[0].frequency["축제"], terms[0].headline_frequency["축제"]) == (3, 1)
    assert terms[1].frequency["도서관"] == 1 and not terms[1].headline_frequency
    assert "축제" not in terms[1].frequency


def test_a_batch_gives_each_article_what_it_gets_alone() -> None:
    batch = [
        article(headline="목포시, 항구 축제 예산 3억원 편성", body=MAYOR_BODY, ordinal=1),
        article("ad", "분양 안내", "해남군 새 아파트 분양 문의 환영", ordinal=2),
        article(body="해남군은 2023년 12월 31일까지 약 1200만원을 모았다고 밝혔다.", ordinal=3),
        article("photo", "여수 밤바다 불꽃놀이", None, ordinal=4),
    ]
    alone = [copy.deepcopy(a) for a in batch]
    alone_terms = [extract_batch([a], [PUBLISHED])[0] for a in alone]
    together_terms = extract_batch(batch, [PUBLISHED] * len(batch))
    assert batch == alone
    assert together_terms == alone_terms


def test_a_tokenizer_that_answers_more_texts_than_it_was_given_is_an_error() -> None:
    def one_too_many(texts):
        yield from kiwi_tokenizer(texts)
        yield []

    with pytest.raises(ValueError, match="more token lists than texts"):
        extract_batch([article(body="도서관이 문을 열었다.")], [PUBLISHED], one_too_many)
