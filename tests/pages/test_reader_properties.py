"""Properties of the page reader that hold for any page: it invents no text and numbers its pieces."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sinmun.morphology import analysis_scores, final_tags
from sinmun.pages.reader import KINDS, read_page, read_pages

WORDS = [
    "광주시",
    "시민",
    "예산",
    "설명회를",
    "열었다.",
    "협약을",
    "체결했다.",
    "지역",
    "경제",
    "발전을",
    "위해",
    "기관은",
    "올해",
    "처음으로",
    "참석해",
    "의견을",
    "나눴다.",
    "▲목포시",
    "〈관련기사 3면〉",
    "[사설]",
    "/김민수 기자",
    "www.example.kr",
    "062-123-4567",
    "'첫 단추'",
    "3면에 계속",
    "〈1면에서 계속〉",
    "정 영 숙",
]

lines = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
pages = st.lists(lines, min_size=1, max_size=14).map(lambda ls: "\n\n".join(ls) + "\n")


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


@settings(max_examples=60, deadline=None)
@given(pages)
def test_reader_invents_no_text_and_numbers_pieces(text: str) -> None:
    reading = read_page(text, analysis_scores, final_tags)
    squeezed = re.sub(r"\s+", "", text)
    for n, article in enumerate(reading.articles, start=1):
        assert article.ordinal == n
        assert article.kind in KINDS
        for part in (article.headline, *article.subheadlines, article.body):
            if part:
                assert _is_subsequence(re.sub(r"\s+", "", part), squeezed), part
        if article.body:
            assert "\n\n\n" not in article.body and article.body == article.body.strip()
    assert read_page(text, analysis_scores, final_tags).articles == reading.articles


@settings(max_examples=25, deadline=None)
@given(st.lists(pages, min_size=1, max_size=6))
def test_pages_read_together_read_as_each_alone(texts: list[str]) -> None:
    """Reading pages in one batch (their analyser calls merged) changes nothing in any page's reading."""
    together = read_pages(texts, analysis_scores, final_tags)
    assert len(together) == len(texts)
    for text, reading in zip(texts, together, strict=True):
        alone = read_page(text, analysis_scores, final_tags)
        assert reading.articles == alone.articles
        assert reading.furniture == alone.furniture and reading.unplaced_lines == alone.unplaced_lines
