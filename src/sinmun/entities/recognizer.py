"""The trained entity recognizer: a linear-chain CRF over Kiwi's morphemes (BIO labels, PS/OG/LC).

Candidates and evidence come from the analysis the pipeline already has: each morpheme's form and tag and those of
its neighbours, spacing, the particle after it, quotation marks and brackets around it, whether it is a surname, a
title or carries an organization ending, whether it (or a run of glued morphemes through it) is in the gazetteer
or a proper-noun lexicon (``data/lexicon_*.txt``), and which spans the rules (``people``, ``organizations``,
``places``) found. The decisions are the CRF's (python-crfsuite), trained offline by ``sinmun.entities.train``
and shipped as ``data/entity_model.crfsuite``. This module is pure apart from loading that file once.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

from sinmun.entities import lexicon, organizations, places
from sinmun.morphology import Token

MODEL_FILE = "entity_model.crfsuite"
TYPES = ("PS", "OG", "LC")
# A span the rules found: (start, end, type) with type one of TYPES, or LC? for a place guessed from its ending.
Span = tuple[int, int, str]

_OPENING = frozenset("'\"‘“「『(〈<[《")
_CLOSING = frozenset("'\"’”」』)〉>]》")
_LEXICONS = {
    "place": "lexicon_places.txt",
    "org": "lexicon_organizations.txt",
    "proper": "lexicon_proper_nouns.txt",
    "person": "lexicon_person_names.txt",
}
_LIST_JOINS = frozenset({"JC", "SP"})  # 와/과/및-like particles, commas
_LONGEST_RUN = 4  # glued morphemes looked up together in the lexicons (대한+민국, 삼성+전자)
# The morphemes a run of a name is made of: nouns, foreign words, hanja, numbers and noun affixes (a particle or
# an ending glued to a name is no part of it: 광주+에서).
_NAME_PART_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "SL", "SH", "SN", "XSN", "XPN", "XR"})


@cache
def _lexicon_sets() -> dict[str, frozenset[str]]:
    sets = {key: frozenset(lexicon.data_lines(name)) for key, name in _LEXICONS.items()}
    sets["gaz"] = places.all_surface_forms()
    sets["known_org"] = frozenset(organizations.known_forms())
    return sets


@cache
def organization_or_place_forms() -> frozenset[str]:
    """Every form the lexicons and the gazetteer know as an organization or a place."""
    sets = _lexicon_sets()
    return sets["place"] | sets["org"] | sets["gaz"] | sets["known_org"]


def _shape(form: str) -> str:
    ch = form[0]
    if "가" <= ch <= "힣":
        return "H"
    if ch.isascii() and ch.isalpha():
        return "A" if ch.isupper() else "a"
    if ch.isdigit():
        return "D"
    if "\u4e00" <= ch <= "\u9fff":
        return "C"
    return "P"


@lru_cache(maxsize=200_000)
def _morpheme_features(form: str, tag: str) -> tuple[str, ...]:
    """What a morpheme says by itself (the same form and tag recur across texts: computed once)."""
    sets = _lexicon_sets()
    f = ["w=" + form, "t=" + tag, "shape=" + _shape(form) + str(min(len(form), 5)), "suf=" + form[-1], "pre=" + form[0]]
    if len(form) >= 2:
        f.append("suf2=" + form[-2:])
    surnames = lexicon.surnames()
    if form[0] in surnames:
        f.append("surname1")
    if form in surnames:
        f.append("surname")
    if form in lexicon.title_words():
        f.append("title")
    if lexicon.org_ending(form):
        f.append("orgend")
    f.extend("in_" + key for key, found in sets.items() if form in found)
    return tuple(f)


@lru_cache(maxsize=100_000)
def _context_strings(value: str) -> tuple[str, ...]:
    """A tag or form as its neighbours' features name it: t-1, t+1, t-2, t+2, w-1, w+1, j+1."""
    return tuple(prefix + value for prefix in ("t-1=", "t+1=", "t-2=", "t+2=", "w-1=", "w+1=", "j+1="))


def token_features(tokens: Sequence[Token], text: str, rule_spans: Sequence[Span]) -> list[list[str]]:
    """One feature list per morpheme: its own (``_morpheme_features``, computed once per form and tag) and its
    context's, the neighbours' ``prefix=value`` strings computed once per tag or form (``_context_strings``).
    Built template by template over the whole text (a comprehension for the features every morpheme has, then
    passes for the rarer ones), in the same order for every morpheme: the model's input is the same list."""
    if not tokens:
        return []
    titles = lexicon.title_words()
    n = len(tokens)
    # Tags and forms padded with two sentinels on each side: position i of the text is index i + 2.
    tags = ["^", "^", *(t[2] for t in tokens), "$", "$"]
    forms = ["^", "^", *(t[3] for t in tokens), "$", "$"]
    tag_as = [_context_strings(t) for t in tags]
    form_as = [_context_strings(w) for w in forms]
    rule_features = [_RULE_FEATURES[label] for label in _rule_labels(tokens, rule_spans)]
    out = [
        [
            *_morpheme_features(form, tag),
            before[0],
            after[1],
            before2[2],
            after2[3],
            form_before[4],
            form_after[5],
            f"tt={prev_tag}|{tag}|{next_tag}",
            rule,
        ]
        for (
            _s,
            _e,
            tag,
            form,
        ), before2, before, after, after2, form_before, form_after, prev_tag, next_tag, rule in zip(
            tokens,
            tag_as,
            tag_as[1:],
            tag_as[3:],
            tag_as[4:],
            form_as[1:],
            form_as[3:],
            tags[1:],
            tags[3:],
            rule_features,
            strict=False,  # the padded lists run past the last morpheme
        )
    ]
    text_length = len(text)
    runs = _lexicon_runs(tokens)
    previous_end = -1
    for i, (start, end, _tag, _form) in enumerate(tokens):
        f = out[i]
        k = i + 2
        if previous_end < start:
            f.append("sp<")
        previous_end = end
        if i + 1 == n or tokens[i + 1][0] > end:
            f.append("sp>")
        next_tag = tags[k + 1]
        if next_tag[0] == "J":
            f.append(form_as[k + 1][6])
        # listed with a common noun (농번기와 성어기, 도비와 시·군비): a list holds things of one kind
        if (tags[k - 1] in _LIST_JOINS and tags[k - 2] == "NNG") or (next_tag in _LIST_JOINS and tags[k + 2] == "NNG"):
            f.append("listed_with_common")
        if start and text[start - 1] in _OPENING:
            f.append("open<")
        if end < text_length and text[end] in _CLOSING:
            f.append("close>")
        if forms[k + 1] in titles:
            f.append("title+1")
        if forms[k + 2] in titles:
            f.append("title+2")
        if runs[i]:
            f.extend(runs[i])
    return out


_RULE_FEATURES = {prefix + kind: "rule=" + prefix + kind for prefix in ("B-", "I-") for kind in (*TYPES, "LC?")} | {
    "O": "rule=O"
}


def _rule_labels(tokens: Sequence[Token], spans: Sequence[Span]) -> list[str]:
    labels = ["O"] * len(tokens)
    if not spans:
        return labels
    ordered = sorted(spans)
    j = 0
    for i, (start, end, _tag, _form) in enumerate(tokens):
        while j < len(ordered) and ordered[j][1] <= start:
            j += 1
        if j < len(ordered) and ordered[j][0] < end:
            s, _e, typ = ordered[j]
            labels[i] = ("B-" if start <= s else "I-") + typ
    return labels


def _lexicon_runs(tokens: Sequence[Token]) -> list[list[str]]:
    """Runs of 2..4 glued morphemes whose joined form is in a lexicon: ``runB_place`` / ``runI_place``."""
    lists_of = _lists_of_form()
    runs: list[list[str]] = [[] for _ in tokens]
    n = len(tokens)
    for i in range(n):
        if tokens[i][2] not in _NAME_PART_TAGS:
            continue
        joined = tokens[i][3]
        for j in range(i + 1, min(n, i + _LONGEST_RUN)):
            if tokens[j][0] != tokens[j - 1][1] or tokens[j][2] not in _NAME_PART_TAGS:
                break
            joined += tokens[j][3]
            for key in lists_of.get(joined, ()):
                runs[i].append("runB_" + key)
                for k in range(i + 1, j + 1):
                    runs[k].append("runI_" + key)
    return runs


@cache
def _lists_of_form() -> dict[str, tuple[str, ...]]:
    """Every form in a lexicon -> the lexicons that hold it (in ``_lexicon_sets`` order)."""
    out: dict[str, tuple[str, ...]] = {}
    for key, found in _lexicon_sets().items():
        for form in found:
            out[form] = (*out.get(form, ()), key)
    return out


# A name is nouns, foreign words, hanja and numbers (with their joining marks): a run holding a verb or adjective
# stem, an ending or a copula is a verb form (알려지면, 하는), whatever the model says.
VERBAL_TAG_PREFIXES = ("V", "E", "XSV", "XSA")


def _listed_with_common_noun(tokens: Sequence[Token], first: int, last: int) -> bool:
    """``농번기와 성어기``, ``도비와 시·군비``: a list holds things of one kind, so a person listed with a common
    noun is no person."""
    before = first > 1 and tokens[first - 1][2] in _LIST_JOINS and tokens[first - 2][2] == "NNG"
    after = last + 2 < len(tokens) and tokens[last + 1][2] in _LIST_JOINS and tokens[last + 2][2] == "NNG"
    return before or after


class RecognizedSpan(NamedTuple):
    start: int
    end: int
    kind: str  # PS, OG or LC
    confidence: float  # the least marginal probability of its morphemes' labels
    common_nouns_only: bool = False  # every morpheme a common noun (국가대표 상비군, 경찰)


def spans_from_labels(
    tokens: Sequence[Token], labels: Sequence[str], confidences: Sequence[float] | None = None
) -> list[RecognizedSpan]:
    """Character spans of the labelled morpheme runs (B- starts a span, I- of the same type continues it); runs
    that are verb forms are dropped."""
    out: list[RecognizedSpan] = []
    run: list[int] = []
    kind = ""

    def close() -> None:
        if (
            run
            and not any(tokens[i][2].startswith(VERBAL_TAG_PREFIXES) for i in run)
            and not (kind == "PS" and _listed_with_common_noun(tokens, run[0], run[-1]))
        ):
            confidence = min(confidences[i] for i in run) if confidences else 1.0
            common = all(tokens[i][2] == "NNG" for i in run)
            out.append(RecognizedSpan(tokens[run[0]][0], max(tokens[i][1] for i in run), kind, confidence, common))
        run.clear()

    for i, label in enumerate(labels):
        if label == "O":
            if run:
                close()
        elif label.startswith("B-") or not run or label[2:] != kind:
            close()
            run.append(i)
            kind = label[2:]
        else:
            run.append(i)
    close()
    return out


def model_path() -> str:
    """The shipped model, or the file named by ``SINMUN_ENTITY_MODEL`` (cross-validation trains its own)."""
    configured = os.environ.get("SINMUN_ENTITY_MODEL")
    if configured:
        return configured
    return str(resources.files("sinmun.data").joinpath(MODEL_FILE))


_local = threading.local()  # a crfsuite Tagger is not safe to share between threads
_generation = [0]  # bumped by forget_model: every thread reopens the model file


def forget_model() -> None:
    """Open the model file again on next use (after ``SINMUN_ENTITY_MODEL`` changed)."""
    _generation[0] += 1


def _tagger():
    tagger = getattr(_local, "tagger", None)
    if tagger is None or _local.generation != _generation[0]:
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(model_path())
        _local.tagger, _local.generation = tagger, _generation[0]
    return tagger


def recognize(tokens: Sequence[Token], text: str, rule_spans: Sequence[Span]) -> list[RecognizedSpan]:
    """The model's PS/OG/LC spans of one text, with their confidence, from its Kiwi tokens and the rules' spans."""
    if not tokens:
        return []
    tagger = _tagger()
    labels = tagger.tag(token_features(tokens, text, rule_spans))
    confidences = [tagger.marginal(label, i) if label != "O" else 1.0 for i, label in enumerate(labels)]
    return spans_from_labels(tokens, labels, confidences)
