"""Search terms from Kiwi's morphemes (pure: no Kiwi, no DuckDB; tokens come in as tuples).

The index is built at load time, from the tokens of the entities' one Kiwi pass over a batch
(``sinmun.entities.extract``); ``sinmun search`` reads queries with the same functions.

Korean attaches particles and endings to words (``광주시는``, ``광주시가``, ``광주시의``), so a
whitespace tokenizer finds none of them for the query ``광주시``. sinmun indexes morphemes instead:

- content morphemes only: nouns (NNG, NNP), roots (XR), verb and adjective stems (VV, VA),
  foreign words, hanja and numbers (SL, SH, SN); particles, endings and suffixes are dropped;
- a compound written as one word is indexed whole as well as by its parts: ``인공지능`` gives
  ``인공``, ``지능`` and ``인공지능``, so the compound ranks above text that has both parts apart;
- the same function reads the query, so a query matches whatever the text's analysis was.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sinmun.morphology import Token  # (start, end, tag, form)

TERM_TAGS = frozenset({"NNG", "NNP", "XR", "VV", "VA", "SL", "SH", "SN"})
_NOUN_TAGS = frozenset({"NNG", "NNP"})


@dataclass(frozen=True)
class ArticleTerms:
    """An article's term frequencies: in the whole text, and in its headline and subheadlines alone."""

    frequency: Counter[str]
    headline_frequency: Counter[str]

    @property
    def term_count(self) -> int:
        return sum(self.frequency.values())


def terms(tokens: Iterable[Token]) -> list[str]:
    """The search terms of a tokenized text, in order (compounds after their last part)."""
    out: list[str] = []
    previous: Token | None = None
    for token in tokens:
        start, _end, tag, form = token
        if tag in TERM_TAGS:
            out.append(_term_form(tag, form))
            if previous is not None and previous[2] in _NOUN_TAGS and tag in _NOUN_TAGS and previous[1] == start:
                out.append(previous[3] + form)
        previous = token
    return out


def article_terms(body_tokens: Sequence[Token], headline_tokens: Sequence[Token]) -> ArticleTerms:
    headline = Counter(terms(headline_tokens))
    return ArticleTerms(frequency=Counter(terms(body_tokens)) + headline, headline_frequency=headline)


def _term_form(tag: str, form: str) -> str:
    return form.lower() if tag == "SL" else form


@dataclass(frozen=True)
class Snippet:
    text: str
    highlights: tuple[tuple[int, int], ...]  # spans of ``text`` to highlight


def snippet(text: str, query_terms: Sequence[str], width: int = 120) -> Snippet:
    """The window of ``text`` (about ``width`` characters) with the most query-term hits, and the hits' spans.

    Terms are found as they are written: nouns are their own surface (``광주시`` in ``광주시는``); a verb stem
    that changed form when inflected (``밝히`` in ``밝혔다``) is not highlighted, though it still ranks."""
    flat = " ".join(text.split())
    spans = _term_spans(flat, query_terms)
    if len(flat) <= width:
        return Snippet(flat, tuple(spans))
    best_start, best_hits = 0, -1
    for start, _ in spans or [(0, 0)]:
        window_start = max(0, min(start - width // 4, len(flat) - width))
        hits = sum(1 for s, e in spans if s >= window_start and e <= window_start + width)
        if hits > best_hits:
            best_start, best_hits = window_start, hits
    if best_start > 0:  # start at a word
        space = flat.find(" ", best_start, best_start + 12)
        best_start = space + 1 if space >= 0 else best_start
    window_end = best_start + width
    prefix = "…" if best_start > 0 else ""
    suffix = "…" if window_end < len(flat) else ""
    shift = len(prefix) - best_start
    inside = tuple((s + shift, e + shift) for s, e in spans if s >= best_start and e <= window_end)
    return Snippet(prefix + flat[best_start:window_end] + suffix, inside)


def _term_spans(text: str, query_terms: Sequence[str]) -> list[tuple[int, int]]:
    words = sorted({t for t in query_terms if t}, key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def highlight(snip: Snippet, before: str, after: str) -> str:
    """The snippet's text with each highlighted span wrapped in ``before`` … ``after``."""
    out, position = [], 0
    for start, end in snip.highlights:
        out += [snip.text[position:start], before, snip.text[start:end], after]
        position = end
    out.append(snip.text[position:])
    return "".join(out)
