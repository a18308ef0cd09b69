"""Column-break repair: put back together a paragraph the page layout cut in two.

A PDF's text of a multi-column page ends a paragraph wherever a column ends:
``발전 방향`` / ``을 제시하고`` is one paragraph (``방향을``), and ``핵`` / ``심 엔진`` is
``핵심 엔진``; a cut can also fall between two words, where a space belongs.

Which of the two joins is right is decided by Korean morphology, not by a
rule: the two readings of a short window around the cut are scored by a
morphological analyser (Kiwi's ``analyze`` log-probability) and the likelier
one wins. Only fragments that do not end a sentence are candidates at all.
This module makes the texts to score and decides from their scores; the
reader batches the scoring (``sinmun.morphology`` provides Kiwi's), so this
module stays pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# A scorer maps texts to log-probabilities (higher = more plausible Korean).
Scorer = Callable[[Sequence[str]], list[float]]
# A tagger maps texts to the part-of-speech tag of each one's last morpheme.
Tagger = Callable[[Sequence[str]], list[str]]

# Sentence-final: terminal punctuation, possibly followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"""(?:[.?!。…]|[.?!]\s*\))["'”’」』)\]〉>]*$""")
# A fragment that ends with a colon, or an opening bracket, is a list head, never a cut word.
_LIST_HEAD = re.compile(r"[:：]$")
_WORDS_BEFORE = 2
_WORDS_AFTER = 2


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


@dataclass(frozen=True)
class BreakDecision:
    """How to join two fragments: ``with_space`` and how much likelier the no-space reading was."""

    with_space: bool
    nospace_margin: float  # score(no space) - score(with space); > 0 means a word was cut

    def join(self, before: str, after: str) -> str:
        return f"{before.rstrip()} {after.lstrip()}" if self.with_space else before.rstrip() + after.lstrip()


def is_break_candidate(before: str, after: str) -> bool:
    """Could ``after`` continue ``before`` across a column break? (Only if ``before`` does not end a sentence.)"""
    before, after = before.strip(), after.strip()
    return bool(before and after) and not ends_sentence(before) and not _LIST_HEAD.search(before)


def break_windows(before: str, after: str) -> tuple[str, str]:
    """The two readings of a short window around the cut: (no space, with space)."""
    left = " ".join(before.split()[-_WORDS_BEFORE:])
    right = " ".join(after.split()[:_WORDS_AFTER])
    return left + right, f"{left} {right}"


def window_texts(pairs: Sequence[tuple[str, str]]) -> list[str]:
    """The texts to score for ``pairs`` of fragments: each pair's two readings, in order (see ``break_windows``)."""
    texts: list[str] = []
    for before, after in pairs:
        texts.extend(break_windows(before, after))
    return texts


def continuation_texts(pairs: Sequence[tuple[str, str]]) -> list[str]:
    """The texts that tell whether ``after`` goes on with the sentence ``before`` left open: for each pair the
    short window read as one text across the break, then its left and its right side each read alone."""
    texts: list[str] = []
    for before, after in pairs:
        left = " ".join(before.split()[-_WORDS_BEFORE:])
        right = " ".join(after.split()[:_WORDS_AFTER])
        texts.extend((f"{left} {right}", left, right))
    return texts


def continuation_margins(scores: Sequence[float]) -> list[float]:
    """From the scores of ``continuation_texts``: how much likelier each window is read as one text than as two
    (a headline and the first words of a body read well apart; a paragraph cut by a column does not)."""
    return [scores[i] - scores[i + 1] - scores[i + 2] for i in range(0, len(scores), 3)]


def decisions_from_scores(scores: Sequence[float]) -> list[BreakDecision]:
    """Decide each join from the scores of ``window_texts``: the likelier reading wins."""
    decisions = []
    for i in range(0, len(scores), 2):
        nospace, spaced = scores[i], scores[i + 1]
        decisions.append(BreakDecision(with_space=not nospace > spaced, nospace_margin=nospace - spaced))
    return decisions
