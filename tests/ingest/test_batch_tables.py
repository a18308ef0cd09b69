"""``batch_tables``: parsed pages (the ``sinmun parse`` contract, written here by hand) -> the rows each warehouse
table gets from one batch: keys derived from what things are, counts, values and column types."""

from __future__ import annotations

from collections import Counter
from datetime import date

import polars as pl
import pytest

from sinmun.ingest.normalize import ArticleTerms, PageRecord, batch_tables, stable_hash
from sinmun.reprints import BANDS

BODY = "광주시가 올해 처음으로 시민참여 예산 설명회를 열었다."
LONG_BODY = (
    "순천시는 생활인구 활성화 공모사업에 선정돼 국비 128억원을 확보했다고 4일 밝혔다. "
    "시는 2027년까지 네 개 지구의 낡은 기반시설을 고치고 주민 편의시설을 새로 짓는다."
)


def source(publication="bitgoeul", day="2024-03-05", page=3, sha="a" * 64) -> dict:
    return {"publication": publication, "publication_date": day, "page": page, "section": "지역", "sha256": sha,
            "encoding": "utf-8"}  # fmt: skip


def news(ordinal: int = 1, headline: str | None = "설명회 첫 개최", body: str | None = BODY, **fields) -> dict:
    return {"ordinal": ordinal, "kind": "news", "headline": headline, "subheadlines": [], "body": body, **fields}


def record(*articles: dict, src: dict | None = None, path="bitgoeul/2024-03-05/3.txt", terms=()) -> PageRecord:
    return PageRecord({"source": src or source(), "articles": list(articles)}, path, "layout", tuple(terms))


def rows(frames: dict[str, pl.DataFrame], table: str, *columns: str) -> list[tuple]:
    return frames[table].select(columns).rows()


@pytest.mark.parametrize(
    ("src", "path", "page_id", "date_key", "publication_key"),
    [
        (source(), "bitgoeul/2024-03-05/3.txt", "bitgoeul/2024-03-05/3", 20240305, "bitgoeul"),
        (source(publication=None), "scans/a.txt", "path:scans/a.txt", 20240305, "unknown"),
        (source(day=None, page=None), "loose.txt", "path:loose.txt", -1, "bitgoeul"),
        # a day outside the calendar dimension: the unknown date key, the day itself kept in the ledger
        (source(day="1850-01-01"), "old/1.txt", "bitgoeul/1850-01-01/3", -1, "bitgoeul"),
    ],
)
def test_page_id_date_key_and_publication_come_from_what_is_known(src, path, page_id, date_key, publication_key):
    frames = batch_tables([record(news(1), news(2, "둘째 기사"), src=src, path=path)])
    day = date.fromisoformat(src["publication_date"]) if src["publication_date"] else None
    assert rows(frames, "ledger_page", "page_id", "source_path", "publication_code", "publication_date",
                "page_number", "metadata_source", "article_count") == [
        (page_id, path, src["publication"], day, src["page"], "layout", 2)
    ]  # fmt: skip
    assert rows(frames, "fct_article", "page_id", "date_key", "publication_key", "page_number", "ordinal") == [
        (page_id, date_key, publication_key, src["page"], 1),
        (page_id, date_key, publication_key, src["page"], 2),
    ]
    assert rows(frames, "dim_publication", "publication_key") == [(publication_key,)]


@pytest.mark.parametrize(
    ("body", "paragraphs"),
    [(BODY, 1), (f"{BODY}\n\n둘째 문단이다.\n\n셋째 문단이다.", 3), (None, 0)],
)
def test_an_articles_size_is_counted_in_characters_and_paragraphs(body: str | None, paragraphs: int):
    frames = batch_tables([record(news(body=body))])
    assert rows(frames, "fct_article", "char_count", "paragraph_count") == [(len(body or ""), paragraphs)]


SKY = {"name": "박하늘", "names": ["박하늘"], "email": "Sky@Bitgoeul.example.kr", "role": "기자"}
JOINT = {"name": "박하늘", "names": ["박하늘", "정우진"], "email": "sky@bitgoeul.example.kr", "role": "기자"}


@pytest.mark.parametrize(
    ("byline", "reporters"),
    [
        (SKY, [("email:sky@bitgoeul.example.kr", "박하늘", "Sky@Bitgoeul.example.kr")]),
        # a joint byline's e-mail is the first reporter's; the second is known by paper and name
        (JOINT, [("email:sky@bitgoeul.example.kr", "박하늘", "sky@bitgoeul.example.kr"),
                 ("name:bitgoeul:정우진", "정우진", None)]),
        (None, []),
    ],
)  # fmt: skip
def test_reporters_are_keyed_by_e_mail_else_paper_and_name(byline, reporters):
    frames = batch_tables([record(news(1, byline=byline), news(2, "둘째 기사", byline=byline))])
    keys = [stable_hash(reporter_id) for reporter_id, _, _ in reporters]
    assert rows(frames, "dim_reporter", "reporter_key", "reporter_id", "reporter_name", "email") == [
        (key, *reporter) for key, reporter in zip(keys, reporters, strict=True)
    ]  # one row per reporter, however many articles they wrote
    assert (
        rows(frames, "fct_article", "reporter_key", "reporter_count")
        == [(keys[0] if keys else "unknown", len(keys))] * 2
    )
    article_keys = frames["fct_article"]["article_key"].to_list()
    assert rows(frames, "bridge_article_reporter", "article_key", "reporter_key", "reporter_ordinal") == [
        (article, key, n) for article in article_keys for n, key in enumerate(keys, start=1)
    ]


def person(name: str, *mentions: tuple[int, str], title: str | None = None, aliases=()) -> dict:
    return {"type": "PERSON", "name": name, "aliases": list(aliases),
            "mentions": [{"text": text, "start": start, "end": start + len(text), "field": field, "title": title}
                         for start, field, text in ((m[0], m[1], name if len(m) < 3 else m[2]) for m in mentions)]}  # fmt: skip


def test_mentions_are_numbered_body_first_then_the_headline_and_entities_merge_their_aliases():
    yoon = person(
        "윤세라", (30, "body"), (0, "headline"), (2, "body", "윤 시장"), title="목포시장", aliases=["윤 시장"]
    )
    place = {"type": "LOCATION", "name": "전라남도 목포시", "place_code": "KR-46-목포시", "aliases": [],
             "mentions": [{"text": "목포시", "start": 12, "end": 15}]}  # fmt: skip
    again = person("윤세라", (5, "body", "윤세라씨"))
    frames = batch_tables([record(news(1, entities=[yoon, place]), news(2, entities=[again]))])
    first, second = frames["fct_article"]["article_key"].to_list()
    yoon_key, place_key = stable_hash("PERSON", "윤세라"), stable_hash("LOCATION", "전라남도 목포시")
    assert rows(frames, "fct_entity_mention", "article_key", "entity_key", "mention_ordinal", "mention_text",
                "text_field", "start_char", "title_as_written") == [
        (first, yoon_key, 1, "윤 시장", "body", 2, "목포시장"),
        (first, place_key, 2, "목포시", "body", 12, None),
        (first, yoon_key, 3, "윤세라", "body", 30, "목포시장"),
        (first, yoon_key, 4, "윤세라", "headline", 0, "목포시장"),
        (second, yoon_key, 1, "윤세라씨", "body", 5, None),
    ]  # fmt: skip
    assert rows(frames, "fct_article", "mention_count") == [(4,), (1,)]
    assert rows(frames, "dim_entity", "entity_key", "entity_type", "canonical_name", "aliases", "place_key") == [
        (yoon_key, "PERSON", "윤세라", ["윤 시장", "윤세라씨"], "unknown"),
        (place_key, "LOCATION", "전라남도 목포시", ["목포시"], "KR-46-목포시"),  # a mention written otherwise
    ]


def test_cross_references_and_continuations_become_links():
    frames = batch_tables([record(news(1, cross_refs=[5, 7], continues_on=3), news(2, continues_from=1), news(3))])
    first, second, _ = frames["fct_article"]["article_key"].to_list()
    assert rows(frames, "fct_article_link", "article_key", "link_type", "target_page_number") == [
        (first, "cross_ref", 5), (first, "cross_ref", 7), (first, "continues_on", 3), (second, "continues_from", 1),
    ]  # fmt: skip
    assert rows(frames, "fct_article", "continues_on_page", "continues_from_page") == [
        (3, None),
        (None, 1),
        (None, None),
    ]


def test_dates_amounts_and_quotes_keep_their_values_and_offsets():
    article = news(
        dates=[{"text": "5일", "date": "2024-03-05", "precision": "day", "start": 4, "end": 6},
               {"text": "임진년", "date": "1592-01-01", "precision": "year", "start": 20, "end": 23}],
        amounts=[{"text": "3억원", "value": 300_000_000, "unit": "KRW", "approximate": False, "start": 8, "end": 11},
                 {"text": "약 2.5%", "value": 2.5, "unit": "%", "approximate": True, "start": 30, "end": 36}],
        entities=[person("윤세라", (0, "body"))],
        quotes=[{"text": "돕겠다", "start": 40, "end": 43, "speaker": "윤세라", "speaker_type": "PERSON",
                 "title": "시장", "verb": "말했다"},
                {"text": "늘리겠다", "start": 50, "end": 54, "speaker": "김아무개", "speaker_type": "PERSON"}],
    )  # fmt: skip
    frames = batch_tables([record(article)])
    (key,) = frames["fct_article"]["article_key"].to_list()
    assert rows(frames, "fct_date_mention", "article_key", "mention_text", "date_key", "mentioned_date",
                "date_precision", "start_char", "end_char") == [
        (key, "5일", 20240305, date(2024, 3, 5), "day", 4, 6),
        (key, "임진년", -1, date(1592, 1, 1), "year", 20, 23),  # outside the calendar: the day kept, key unknown
    ]  # fmt: skip
    assert rows(frames, "fct_amount_mention", "mention_text", "amount_value", "unit", "is_approximate") == [
        ("3억원", 300_000_000.0, "KRW", False), ("약 2.5%", 2.5, "%", True),
    ]  # fmt: skip
    assert rows(frames, "fct_quote", "quote_ordinal", "speaker_entity_key", "speaker_type", "title_as_written",
                "reporting_verb", "quote_text", "start_char") == [
        (1, stable_hash("PERSON", "윤세라"), "PERSON", "시장", "말했다", "돕겠다", 40),
        (2, "unknown", None, None, None, "늘리겠다", 50),  # a speaker who is none of the article's entities
    ]  # fmt: skip


def test_search_terms_become_rows_and_the_articles_term_count():
    terms = [
        ArticleTerms(Counter({"예산": 3, "설명회": 1}), Counter({"설명회": 1})),
        ArticleTerms(Counter(), Counter()),
    ]
    frames = batch_tables([record(news(1), news(2, "둘째 기사"), terms=terms)])
    first, _ = frames["fct_article"]["article_key"].to_list()
    assert sorted(rows(frames, "fct_article_term", "article_key", "term", "term_frequency", "headline_frequency")) == [
        (first, "설명회", 1, 1), (first, "예산", 3, 0),
    ]  # fmt: skip
    assert rows(frames, "fct_article", "term_count") == [(4,), (0,)]
    assert rows(batch_tables([record(news(1))]), "fct_article", "term_count") == [(0,)]  # no terms given


@pytest.mark.parametrize(
    ("kind", "body", "fingerprinted"),
    [("news", LONG_BODY, True), ("ad", LONG_BODY, False), ("news", BODY, False)],  # ads and short bodies: none
)
def test_stories_long_enough_get_a_reprint_fingerprint_and_its_bands(kind: str, body: str, fingerprinted: bool):
    frames = batch_tables([record(news(kind=kind, body=body))])
    assert frames["reprint_fingerprint"].height == int(fingerprinted)
    assert frames["reprint_band"].height == (BANDS if fingerprinted else 0)


def keys_of(*records: PageRecord) -> dict[tuple[str, int], str]:
    frame = batch_tables(list(records))["fct_article"]
    return {(page, ordinal): key for page, ordinal, key in frame.select("page_id", "ordinal", "article_key").rows()}


def second_article_key(page: PageRecord) -> str:
    (key,) = [key for (_, ordinal), key in keys_of(page).items() if ordinal == 2]
    return key


PAGE_A = record(news(1), news(2, "둘째 기사", "둘째 기사의 본문이다."))
PAGE_B = record(news(1, "다른 면 기사"), src=source(page=4), path="bitgoeul/2024-03-05/4.txt")


def test_article_keys_do_not_depend_on_the_batch_or_its_order():
    together = keys_of(PAGE_A, PAGE_B)
    assert together == keys_of(PAGE_B, PAGE_A) == {**keys_of(PAGE_A), **keys_of(PAGE_B)}
    assert len(set(together.values())) == 3


@pytest.mark.parametrize(
    ("changed", "same_key"),
    [
        (record(news(1), news(2, "둘째 기사", "둘째 기사의 본문이다."), path="copy/3.txt"), True),  # another file name
        (record(news(1), news(2, "둘째 기사", "둘째 기사의 본문이 바뀌었다.")), False),  # its body
        (record(news(1), news(2, "고친 제목", "둘째 기사의 본문이다.")), False),  # its headline
        (record(news(1), news(2, "둘째 기사", "둘째 기사의 본문이다.", kind="column")), False),  # its kind
        (record(news(1), news(2, "둘째 기사", "둘째 기사의 본문이다."), src=source(page=5)), False),  # its page
    ],
    ids=["file-name", "body", "headline", "kind", "page"],
)
def test_an_article_key_changes_with_what_the_article_is(changed: PageRecord, same_key: bool):
    assert (second_article_key(changed) == second_article_key(PAGE_A)) is same_key


def test_an_empty_batch_gives_every_table_with_no_rows_and_the_same_columns():
    empty, full = (
        batch_tables([]),
        batch_tables([record(news(1, byline=SKY, entities=[person("윤세라", (0, "body"))]))]),
    )
    assert empty.keys() == full.keys()
    for table, frame in empty.items():
        assert frame.height == 0, table
        assert frame.schema == full[table].schema, table


@pytest.mark.parametrize(
    ("table", "column", "dtype"),
    [
        ("fct_article", "date_key", pl.Int32), ("fct_article", "subheadlines", pl.List(pl.String)),
        ("fct_article", "char_count", pl.Int32), ("ledger_page", "publication_date", pl.Date),
        ("fct_date_mention", "mentioned_date", pl.Date), ("fct_amount_mention", "amount_value", pl.Float64),
        ("fct_amount_mention", "is_approximate", pl.Boolean), ("dim_entity", "aliases", pl.List(pl.String)),
        ("reprint_band", "band_hash", pl.Int64),
    ],
)  # fmt: skip
def test_columns_have_the_types_the_warehouse_stores(table: str, column: str, dtype: pl.DataType):
    assert batch_tables([record(news(1))])[table].schema[column] == dtype
