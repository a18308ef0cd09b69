"""Entity extraction on a body far longer than an article: linear cost, and a body read in windows."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from sinmun import morphology
from sinmun.entities import extract
from sinmun.entities.search_terms import article_terms

SENTENCES = [
    "박서준 교수는 지난 주말 하천 복원 사업을 다시 논의했다.",
    "구청은 이번 달 안에 골목길 정비 계획을 발표했다.",
    "한가온 위원장이 주민들과 버스 노선 개편을 검토하기로 했다.",
]


class CountedTokens(list):
    """A token list that counts how often it is read from end to end."""

    reads = 0

    def __iter__(self):
        CountedTokens.reads += 1
        return super().__iter__()


def test_merging_reads_a_bodys_tokens_once_however_many_mentions() -> None:
    # Each mention once looked for its tokens among all of the body's: a 2 MB page spent minutes there.
    body = " ".join(SENTENCES[0] for _ in range(200))
    tokens = CountedTokens(next(morphology.tokenize([body])))
    starts = [n for n in range(len(body)) if body.startswith("박서준 교수", n)]
    found = [
        {"type": "PERSON", "name": "박서준", "title": "교수", "affiliation": None,
         "mentions": [{"text": "박서준 교수", "start": s, "end": s + 6, "title": "교수"} for s in starts]},
        {"type": "LOCATION", "name": "하천", "title": None, "affiliation": None, "place_code": None,
         "mentions": [{"text": "하천", "start": s + 17, "end": s + 19} for s in starts]},
    ]  # fmt: skip
    CountedTokens.reads = 0
    merged = extract.merge_recognized(found, [], body, tokens)
    assert CountedTokens.reads <= 2
    # the name stays; 하천, one common noun the model did not vouch for, is no place
    assert [(e["name"], len(e["mentions"])) for e in merged] == [("박서준", 200)]


LONG_BODY = " ".join(SENTENCES[n % 3] for n in range(1500))  # ~50,000 characters, no paragraph break


def test_a_body_is_read_for_entities_in_windows_that_start_where_kiwis_pieces_start() -> None:
    assert extract.body_windows(SENTENCES[0]) == [(0, SENTENCES[0])]
    windows = extract.body_windows(LONG_BODY)
    pieces = morphology.text_pieces(LONG_BODY)
    assert len(windows) == -(-len(pieces) // extract.ENTITY_WINDOW_PIECES) > 1
    assert "".join(text for _, text in windows) == LONG_BODY
    assert all(LONG_BODY[offset : offset + len(text)] == text for offset, text in windows)
    assert [offset for offset, _ in windows] == [pieces[k][0] for k in range(0, len(pieces), 5)]


@pytest.fixture(scope="module")
def long_article() -> tuple[dict, object]:
    article = {"kind": "news", "headline": "하천 복원 논의", "body": LONG_BODY, "entities": [], "dates": [],
               "amounts": []}  # fmt: skip
    (terms,) = extract.extract_batch([article], [None])
    return article, terms


def test_a_name_in_every_window_is_one_entity_with_every_mention_at_its_place(long_article) -> None:
    article, _ = long_article
    people = {e["name"]: e for e in article["entities"] if e["type"] == "PERSON"}
    assert set(people) >= {"박서준", "한가온"}
    assert len(people["박서준"]["mentions"]) == LONG_BODY.count("박서준") == 500
    assert people["박서준"]["title"] == "교수" and people["한가온"]["title"] == "위원장"
    for entity in article["entities"]:
        starts = [m["start"] for m in entity["mentions"]]
        assert starts == sorted(set(starts)), entity["name"]
        assert all(LONG_BODY[m["start"] : m["end"]] == m["text"] for m in entity["mentions"])


def test_a_windowed_bodys_search_terms_are_the_whole_bodys(long_article) -> None:
    _, terms = long_article
    whole = next(morphology.tokenize([LONG_BODY]))
    headline = next(morphology.tokenize(["하천 복원 논의"]))
    assert terms == article_terms(whole, headline)


@pytest.mark.integration
def test_parse_of_a_long_one_line_page_finds_every_mention(tmp_path: Path, sinmun_bin: Path) -> None:
    # Through the real CLI: a page without any line break, far longer than an article (~400,000 characters).
    page = tmp_path / "one-line.txt"
    page.write_text(" ".join(SENTENCES[n % 3] for n in range(12000)), encoding="utf-8")
    run = subprocess.run(
        [str(sinmun_bin), "parse", "--compact", str(page)], capture_output=True, text=True, timeout=240
    )  # a hang guard only: ~6 CPU seconds; before a mention found its tokens by bisection, minutes
    assert run.returncode == 0, run.stderr
    (article,) = json.loads(run.stdout)["articles"]
    people = {e["name"]: len(e["mentions"]) for e in article["entities"] if e["type"] == "PERSON"}
    assert people["박서준"] == people["한가온"] == 4000
