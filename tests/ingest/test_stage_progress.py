"""Staging tells the progress bar of its pages as Kiwi's answers are taken (``stage_batch(on_pages_done=...)``)."""

from __future__ import annotations

import pytest

from sinmun.ingest.stage import _reporting_pages


@pytest.mark.parametrize(
    ("pages", "texts", "after_each_text"),
    [
        (3, 6, [0, 1, 1, 2, 2, 3]),  # two texts a page: a page done every second text
        (4, 2, [2, 4]),  # fewer texts than pages: several pages at once
        (2, 0, []),  # no text at all (pages without a body): every page done when the texts are
        (1, 3, [0, 0, 1]),
    ],
)
def test_pages_are_reported_as_the_texts_are_taken(pages: int, texts: int, after_each_text: list[int]) -> None:
    reported: list[int] = []
    tokenize = _reporting_pages(lambda batch: ([(0, 1, "NNG", t)] for t in batch), pages, reported.append)
    token_lists = iter(tokenize([f"글{n}" for n in range(texts)]))
    seen = []
    for _ in range(texts):
        next(token_lists)
        seen.append(sum(reported))  # a text counts once the next is asked for: the caller is done with it
    assert next(token_lists, None) is None
    assert seen == [0, *after_each_text[:-1]][:texts]
    assert sum(reported) == pages and all(n > 0 for n in reported)
