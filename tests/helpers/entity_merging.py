"""The rules' entities of a sentence read with Kiwi, and their merge with spans given as the model's."""

from __future__ import annotations

from collections.abc import Callable

from sinmun.entities.extract import COMMON_TAGS, merge_recognized, rule_entities
from sinmun.entities.recognizer import RecognizedSpan
from sinmun.morphology import Token, tokenize


def rules_with_tokens(body: str) -> tuple[list[dict], list[Token]]:
    """The rules' entities of ``body`` (Kiwi telling which words are common) and Kiwi's tokens of it."""
    tokens = next(iter(tokenize([body])))
    common = {(s, e) for s, e, tag, _ in tokens if tag in COMMON_TAGS}
    return rule_entities({"body": body}, is_common_word=lambda s, e: (s, e) in common), tokens


def merged_with_the_model_on(body: str, candidate: Callable[[dict], bool], kind: str, model_marks: bool) -> list[dict]:
    """The merge of the rules' entities with, when ``model_marks``, the model marking each mention of the rules'
    ``candidate`` entities as ``kind`` (at 0.9); the rules must have found a candidate."""
    found, tokens = rules_with_tokens(body)
    candidates = [m for e in found if candidate(e) for m in e["mentions"]]
    assert candidates, "the rules find the candidate"
    model = [RecognizedSpan(m["start"], m["end"], kind, 0.9) for m in candidates] if model_marks else []
    return merge_recognized(found, model, body, tokens)
