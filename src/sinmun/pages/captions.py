"""Photo captions whose title runs straight into the caption sentence, on one line with the photographer:

``경찰, 시장 상인회 압수수색 경찰이 18일 오전 상인회 사무실을 압수수색하고 있다. /한가람 기자``

The title is a headline (no particle or comma at its end, at most 40 characters) whose words the caption sentence
takes up again; the caption is one sentence. Where the title ends is decided by morphology: of the places where
it may end and where title and caption read apart (``continuation_margins``), the one whose title the caption
takes up most. Pure: the reader batches the scoring.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sinmun.pages.column_breaks import ends_sentence

_TITLE_MAX_CHARS = 40
_TITLE_MAX_WORDS = 10
_CAPTION_MAX_CHARS = 300
# A title's word never ends in a comma or a middle dot, nor in a case particle (those words lead on to the next).
# Whether a word's last syllables are a particle (경찰이, 시민도) or part of a noun (시도, 제도, 사이) is the
# morphology's to say: ``particle_offsets`` gives where to ask.
_LEADS_ON = re.compile(r"[,，·、:]$")
_ENDS_LIKE_PARTICLE = re.compile(r"(?<=[가-힣])(?:은|는|을|를|의|에|에서|으로|로|와|과|이|가|도|만)$")
_TOPIC = re.compile(r"[가-힣](?:은|는)$")
_PARTICLE = re.compile(r"(?:에서|으로|의|은|는|이|가|을|를|에|로|와|과|도|만)$")
# A title may end in its own question or exclamation mark (왜 바꾸나?); the caption's sentence ends the line.
_TITLE_END_MARK = re.compile(r"[?!]$")
# A sentence's end with more text after it.
_INNER_SENTENCE_END = re.compile(r"""[.?!]["'”’」』)\]]*(?=\s)""")


def _stem(word: str) -> str:
    bare = re.sub(r"^\W+|\W+$", "", word)
    return _PARTICLE.sub("", bare) if len(bare) > 2 else bare


def marks_topic(words: Sequence[str]) -> bool:
    """One of the words is marked as a topic (``구청은``): a sentence's start, not a headline's words."""
    return any(_TOPIC.search(w) for w in words)


def title_ends(text: str) -> list[tuple[int, int]]:
    """Where a title may end in ``text`` (a caption line without its byline), as (words in the title, how many
    of them come back in the caption): the caption is one sentence after it, and at least two of the title's
    words (and half of them) come back in it. A title closed by its own question or exclamation mark is the only
    candidate."""
    if len(text) > _CAPTION_MAX_CHARS or not ends_sentence(text):
        return []
    words = text.split()
    ends = []
    for k in range(2, min(_TITLE_MAX_WORDS, len(words) - 2) + 1):
        title, caption = " ".join(words[:k]), " ".join(words[k:])
        if len(title) > _TITLE_MAX_CHARS or _INNER_SENTENCE_END.search(title):
            break
        if _INNER_SENTENCE_END.search(caption) or _LEADS_ON.search(words[k - 1]):
            continue
        stems = [s for s in map(_stem, words[:k]) if len(s) >= 2]
        found = sum(1 for s in stems if s in caption)
        if _TITLE_END_MARK.search(title):
            return [(k, found)]
        if marks_topic(words[:k]):
            break  # a topic already marked: the start of a sentence (구청은 …), not a title
        if found >= 2 and 2 * found >= len(stems):
            ends.append((k, found))
    return ends


def boundary_pairs(text: str, ends: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """For each possible title end, the two sides (title, caption) whose reading as one sentence is scored."""
    words = text.split()
    return [(" ".join(words[:k]), " ".join(words[k:])) for k, _ in ends]


def particle_questions(text: str, ends: list[tuple[int, int]]) -> list[tuple[str, int] | None]:
    """For each possible title end whose last word ends as a particle may (``체포 시도``, ``경찰이``): the text and
    the offset of that ending, whose morpheme tells (a particle there leads on, so the title cannot end there);
    None where the last word cannot end in a particle."""
    words = text.split()
    whole = " ".join(words)
    questions: list[tuple[str, int] | None] = []
    for k, _ in ends:
        title = " ".join(words[:k])
        m = _ENDS_LIKE_PARTICLE.search(title)
        questions.append((whole, m.start()) if m else None)
    return questions


def is_particle(tag_at_ending: str) -> bool:
    """Whether the morpheme that starts at a word's particle-like ending is a particle (``JKS/이``), not part of
    the word (``span``: one morpheme runs across, as in 시도)."""
    return tag_at_ending.startswith("J")


def pick_title_end(ends: list[tuple[int, int]], margins: list[float], max_margin: float) -> int | None:
    """Of the title ends where title and caption read apart as a headline and a body's first words do (margin
    below ``max_margin``), the one whose title the caption takes up most, then the one reading most apart."""
    apart = [(-found, margin, k) for (k, found), margin in zip(ends, margins, strict=True) if margin < max_margin]
    return min(apart)[2] if apart else None
