"""Entity extraction on a body far longer than an article: linear cost, and a body read in windows."""

from __future__ import annotations

import json
import subprocess
from contextlib import suppress
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


def test_each_window_is_read_as_soon_as_its_tokens_come(monkeypatch) -> None:
    # Kiwi in its own process tokenizes the next windows meanwhile; reading them only once all had come kept
    # one of the two cores idle for most of a long page.
    events: list[str] = []
    read_window = extract.article_entities

    def recorded_read(article, tokens=None, **options):
        events.append("read")
        return read_window(article, tokens, **options)

    def tokenizer(texts):
        for tokens in morphology.tokenize(texts):
            events.append("tokens")
            yield tokens

    monkeypatch.setattr(extract, "article_entities", recorded_read)
    article = {"kind": "news", "headline": None, "body": LONG_BODY, "entities": [], "dates": [], "amounts": []}
    extract.extract_batch([article], [None], tokenizer)
    windows = len(extract.body_windows(LONG_BODY))
    assert events == ["tokens", "read"] * windows


def _kiwi_helpers_seen(command: list[str], output: Path) -> tuple[subprocess.CompletedProcess, set[int]]:
    """Run ``command`` (its output to the file ``output``, read back as its stdout); the ids of its child processes
    that ran Kiwi (``sinmun.morphology --serve``) meanwhile."""
    import time

    with output.open("w") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE, text=True)
    seen: set[int] = set()
    deadline = time.monotonic() + 240  # a hang guard only
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        except OSError:
            children = []
        for child in children:
            with suppress(OSError):
                if b"sinmun.morphology" in Path(f"/proc/{child}/cmdline").read_bytes():
                    seen.add(int(child))
        time.sleep(0.05)
    if proc.poll() is None:
        proc.kill()
    _, stderr = proc.communicate(timeout=10)
    return subprocess.CompletedProcess(command, proc.returncode, output.read_text(encoding="utf-8"), stderr), seen


@pytest.mark.integration
def test_parse_of_a_long_one_line_page_finds_every_mention(tmp_path: Path, sinmun_bin: Path) -> None:
    # Through the real CLI: a page without any line break, far longer than an article (~400,000 characters).
    page = tmp_path / "one-line.txt"
    page.write_text(" ".join(SENTENCES[n % 3] for n in range(12000)), encoding="utf-8")
    run, kiwis = _kiwi_helpers_seen([str(sinmun_bin), "parse", "--compact", str(page)], tmp_path / "parsed.json")
    assert run.returncode == 0, run.stderr
    (article,) = json.loads(run.stdout)["articles"]
    people = {e["name"]: len(e["mentions"]) for e in article["entities"] if e["type"] == "PERSON"}
    assert people["박서준"] == people["한가온"] == 4000
    # Kiwi ran in a process of its own (the rules read one window while it tokenized the next) and ended with it
    assert len(kiwis) == 1
    assert not [pid for pid in kiwis if Path(f"/proc/{pid}").exists()]
