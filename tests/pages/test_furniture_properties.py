"""The furniture check's quick refusal (one character class over the line) never changes its answer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sinmun.pages import furniture
from sinmun.pages.furniture import furniture_tokens, is_furniture

# Pieces of header and footer lines, pieces of prose, and odd characters (ſ and K match Latin letters under
# IGNORECASE, ０ is a digit to \d, a no-break space is whitespace).
PIECES = [
    "2026년 11월 24일", "(화)", "화요일", "제12,345호", "3면", "- 7 -", "광주일보", "남도신문", "전남매일", "www.kwangju.co.kr",
    "http://example.com", "ſeoul.com", "\u212abs.co.kr", "구독문의 062-222-1234", "사회", "경제", "스포츠종합", "IT", "음력 10.5", "|", "·", "  ", "\u00a0",
    "시민들이", "모였다.", "“", "‘", "%", "ſ", "K", "０", "İ", "가", "힣", "일", "보", "겨울", "—", "【", "】", ":", "：",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8), st.sampled_from(["", " ", " | "]))
def test_quick_refusal_agrees_with_the_full_check(pieces, joiner):
    line = joiner.join(pieces)
    quick, full = furniture_tokens(line), furniture._all_furniture_tokens(line)
    assert (quick is None) == (full is None), line
    if full is not None:
        assert {k: [m.group() for m in v] for k, v in quick.items()} == {
            k: [m.group() for m in v] for k, v in full.items()
        }


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_quick_refusal_agrees_on_any_text(line):
    assert (furniture_tokens(line) is None) == (furniture._all_furniture_tokens(line) is None)


def test_prose_is_refused_before_any_pattern_runs():
    # Sanity of the fast path itself: prose lines are refused, header lines still read as furniture.
    assert furniture._NO_TOKEN_CHAR.search("시민 200여명이 광장에 모였다.")
    assert furniture_tokens("시민 200여명이 광장에 모였다.") is None
    assert is_furniture("2026년 11월 24일 화요일 제12,345호 광주일보 3면", near_page_edge=False)
    assert is_furniture("www.kwangju.co.kr", near_page_edge=True)
