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
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

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


_EDGE_MARKS = re.compile(r"^\W+|\W+$")


def _bare(word: str) -> str:
    return _EDGE_MARKS.sub("", word)


class PageWords:
    """The words a page uses away from open line ends (where a column may have cut one), to settle a break's
    spacing the way the rest of the page writes it: ``남해지방해양`` / ``경찰청과`` is one word on a page that writes
    ``남해지방해양경찰청은`` elsewhere; ``주민 기대`` / ``남구청이`` are two on a page that writes both apart elsewhere."""

    def __init__(self, lines: Iterable[str]) -> None:
        words: set[str] = set()
        open_before = False  # the line before did not end a sentence: this line's first word may be a cut's half
        for line in lines:
            tokens = line.split()
            open_after = not ends_sentence(line)
            words.update(map(_bare, tokens[int(open_before) : len(tokens) - int(open_after)]))
            open_before = open_after
        words.discard("")
        self._words = words
        self._sorted = sorted(words)

    def has_word(self, word: str) -> bool:
        return word in self._words

    def has_word_starting(self, prefix: str) -> bool:
        i = bisect_left(self._sorted, prefix)
        return i < len(self._sorted) and self._sorted[i].startswith(prefix)

    def spacing(self, before: str, after: str) -> bool | None:
        """True (a space) or False (one word) when the page writes the two sides one way only, else None."""
        before_words, after_words = before.split(), after.split()
        if not before_words or not after_words or not re.search(r"\w$", before_words[-1]):
            return None
        left, right = _bare(before_words[-1]), _bare(after_words[0])
        if not left or not right or not re.match(r"\w", after_words[0]):
            return None
        joined = len(left) + min(2, len(right)) >= 3 and self.has_word_starting(left + right[:2])
        apart = self.has_word(left) and self.has_word(right)
        if joined != apart:
            return apart
        return None


# Morphemes that never start a word: suffixes (발표|했다), endings, particles, the copula, and the auxiliary of
# ``-어지다`` (고쳐|졌다; other auxiliaries stand apart: 구성되어 있는데). Matched against "TAG/form".
_ATTACHING_TAG = re.compile(r"^(?:XS|E|J|VCP)|^VX/지$")
# How much likelier the joined reading must be to join two sides whose morphemes could stand apart (Kiwi's scores
# barely weigh spacing: both readings often score the same).
_JOIN_MARGIN = 1.0


def cut_offset(before: str) -> int:
    """Where the cut falls in the joined reading of ``break_windows``: the length of its left side."""
    return len(" ".join(before.split()[-_WORDS_BEFORE:]))


def decide_with_page(
    decision: BreakDecision, before: str, after: str, words: PageWords, tag_at_cut: str | None = None
) -> BreakDecision:
    """A break's spacing, decided in order: a morpheme that never starts a word at the cut (in the joined
    reading) joins; otherwise the way the rest of the page writes the two sides, when it writes them one way
    only; otherwise Kiwi's scores, a morpheme running across the cut joining on any margin, two that may stand
    apart only on a clear one."""
    if tag_at_cut is not None and _ATTACHING_TAG.match(tag_at_cut):
        return replace(decision, with_space=False)
    with_space = words.spacing(before, after)
    if with_space is not None:
        return replace(decision, with_space=with_space)
    if tag_at_cut and tag_at_cut != "span" and decision.nospace_margin <= _JOIN_MARGIN:
        return replace(decision, with_space=True)
    return decision


def decisions_from_scores(scores: Sequence[float]) -> list[BreakDecision]:
    """Decide each join from the scores of ``window_texts``: the likelier reading wins."""
    decisions = []
    for i in range(0, len(scores), 2):
        nospace, spaced = scores[i], scores[i + 1]
        decisions.append(BreakDecision(with_space=not nospace > spaced, nospace_margin=nospace - spaced))
    return decisions
