"""Reprint clusters: different articles telling the same story, across papers and days (pure: no I/O).

Regional papers print the same press release or wire story with small edits: a new headline, a cut paragraph,
another byline, a word changed here and there. Two articles are reprints of one story when

1. their bodies share most of their text: the **containment** of the smaller one's character shingles in the
   other's (``|A ∩ B| / min(|A|, |B|)``; a cut paragraph costs nothing, a changed word a few shingles) is at
   least ``CONTAINMENT_THRESHOLD``; and
2. they state the same **facts**: of the numbers written in the bodies (with their units), the share the smaller
   set has in common with the other, and the same share of the people, organizations and places the entity
   extraction found there, are both at least ``FACT_OVERLAP_THRESHOLD``. Look-alike articles written from one template (two cities' budget news, two days'
   weather) share most of their wording but not their facts; the facts tell them apart.

Comparing every article with every other is quadratic, so candidates come from MinHash with LSH banding: each
body's shingle set gets a signature of ``SIGNATURE_SIZE`` minimum hashes, cut into ``BANDS`` bands of
``BAND_ROWS`` rows; two articles sharing any band's hash are a candidate pair, and only candidate pairs are
verified with the exact measures above. Band hashes are stored with the article, so a later load finds matches
among articles loaded before by joining on them, without reading their text (only the candidates' bodies are
read, to verify).

Clusters are the connected components of the verified pairs (union-find); a cluster's key is the smallest
``article_key`` among its members. Whether a pair is verified depends on the two articles alone, and every
candidate pair is verified when the later of its two articles is loaded, so the clusters and their keys are
the same whatever order the articles were loaded in. The thresholds and the banding were chosen on the corpus
of ``bench/reprint_corpus.py`` (figures in ``docs/reprints.md``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

# The fingerprint's parameters. Band hashes stored in a warehouse depend on them (and on the hash functions below):
# changing one needs a new warehouse layout (store.warehouse.SCHEMA_VERSION), else old and new articles never match.
# Article kinds that tell a story; ads and photo captions are not clustered (an ad runs every day by design).
CLUSTERED_KINDS = frozenset({"news", "column", "editorial", "notice", "continuation"})
SHINGLE_CHARS = 5  # shingles of 5 characters of the body with spaces and punctuation removed
MIN_SHINGLES = 60  # bodies shorter than about 64 letters and digits are too short to tell a reprint by
SIGNATURE_SIZE = 128
BAND_ROWS = 4
BANDS = SIGNATURE_SIZE // BAND_ROWS  # 32 bands of 4: a pair of Jaccard 0.5 is a candidate with p = 0.87
CONTAINMENT_THRESHOLD = 0.6
FACT_OVERLAP_THRESHOLD = 0.55

_MASK64 = (1 << 64) - 1
_KEPT = re.compile(r"[^0-9a-z\uac00-\ud7a3\u3131-\u318e\u4e00-\u9fff]+")
# A number with the unit written right after it (``16일``, ``30도``, ``56㎜``, ``1,200명``), a range (``1.0~3.5m``)
# or a date (``2월 27일``), each one fact: the same number counting another thing is another fact.
_UNIT = r"[\uac00-\ud7a3A-Za-z%㎏㎜㎞㏊℃]?"
_QUANTITY = r"(?:(?<!\S)-)?\d[\d,]*(?:\.\d+)?" + _UNIT  # a minus sign when it opens a word (-2도), not a hyphen
_NUMBER = re.compile(r"\d{1,2}월\s?\d{1,2}일|" + _QUANTITY + r"(?:\s?[~∼]\s?" + _QUANTITY + ")?")
_ENTITY_TYPES = ("PERSON", "ORG", "LOCATION")


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The MinHash functions ``a * x + b (mod 2**64)``, fixed for all time (stored band hashes depend on them)."""
    state = 0x5EED_5EED_5EED_5EED
    values = []
    for _ in range(2 * SIGNATURE_SIZE):
        state = (state + 0x9E3779B97F4A7C15) & _MASK64
        values.append(_splitmix(state))
    multipliers = np.array([v | 1 for v in values[:SIGNATURE_SIZE]], dtype=np.uint64)  # odd: a permutation
    offsets = np.array(values[SIGNATURE_SIZE:], dtype=np.uint64)
    return multipliers, offsets


def _splitmix(value: int) -> int:
    z = value & _MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
    return z ^ (z >> 31)


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64's finalizer over a uint64 array (wrapping arithmetic)."""
    z = values ^ (values >> np.uint64(30))
    z = z * np.uint64(0xBF58476D1CE4E5B9)
    z = z ^ (z >> np.uint64(27))
    z = z * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


_MULTIPLIERS, _OFFSETS = _permutations()
_SHINGLE_BASE = np.uint64(0x100000001B3)


def normalized(body: str | None) -> str:
    """The body's letters, digits and hanja, lowercased, without spaces or punctuation: what shingles are cut
    from (a changed line break, space or quotation mark is no difference)."""
    return _KEPT.sub("", (body or "").lower())


def shingles(body: str | None) -> np.ndarray:
    """The sorted, distinct 64-bit hashes of the body's ``SHINGLE_CHARS``-character shingles."""
    text = normalized(body)
    if len(text) < SHINGLE_CHARS:
        return np.empty(0, dtype=np.uint64)
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    count = len(points) - SHINGLE_CHARS + 1
    rolled = np.zeros(count, dtype=np.uint64)
    for offset in range(SHINGLE_CHARS):
        rolled = rolled * _SHINGLE_BASE + points[offset : offset + count]
    return np.unique(_mix(rolled))


def signature(shingle_hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature (``SIGNATURE_SIZE`` uint64) of a non-empty shingle set."""
    hashed = shingle_hashes[:, None] * _MULTIPLIERS[None, :] + _OFFSETS[None, :]
    return hashed.min(axis=0)


def band_hashes(minhashes: np.ndarray) -> np.ndarray:
    """One int64 per band of a signature: the band's number and its rows, hashed together."""
    rows = minhashes.reshape(BANDS, BAND_ROWS)
    combined = np.arange(BANDS, dtype=np.uint64)
    for column in range(BAND_ROWS):
        combined = _mix(combined * _SHINGLE_BASE + rows[:, column])
    return combined.view(np.int64)


def fact_hashes(body: str | None, entities: Iterable[tuple[str, str]] = ()) -> list[int]:
    """The facts an article states, each as a stable signed 64-bit hash, sorted: the numbers written in its body
    with their units, ranges and dates (``1,200명`` = ``1200명``, ``2월 27일``), whose hashes are even, and the ``(type, canonical name)`` of the
    people, organizations and places found in its body, whose hashes are odd."""
    numbers = {_stable_int64("n:" + re.sub(r"[,\s]", "", number)) & ~1 for number in _NUMBER.findall(body or "")}
    names = {_stable_int64(f"e:{kind}:{name}") | 1 for kind, name in entities if kind in _ENTITY_TYPES}
    return sorted(numbers | names)


def body_entities(article: dict) -> list[tuple[str, str]]:
    """``(type, canonical name)`` of the entities of a parsed article (the ``sinmun parse`` contract) written in
    its body: those found only in the headline, which reprints rewrite, are not facts of the story."""
    return [
        (entity["type"], entity["name"])
        for entity in article.get("entities") or []
        if any(mention.get("field", "body") == "body" for mention in entity["mentions"])
    ]


def _stable_int64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


@dataclass(frozen=True)
class Fingerprint:
    """What an article leaves in the warehouse to be found by later loads: its band hashes and its facts."""

    band_hashes: tuple[int, ...]
    fact_hashes: tuple[int, ...]


def fingerprint(body: str | None, entities: Iterable[tuple[str, str]] = ()) -> Fingerprint | None:
    """The article's fingerprint, or None when its body is too short to be told a reprint of anything."""
    shingle_hashes = shingles(body)
    if len(shingle_hashes) < MIN_SHINGLES:
        return None
    bands = band_hashes(signature(shingle_hashes))
    return Fingerprint(tuple(int(b) for b in bands), tuple(fact_hashes(body, entities)))


@dataclass(frozen=True)
class Comparison:
    containment: float  # of the smaller shingle set in the other
    jaccard: float
    fact_overlap: float  # the lower of the two below
    number_overlap: float  # shared numbers / numbers of the article with fewer (1.0 when one writes none)
    entity_overlap: float  # the same for the people, organizations and places

    @property
    def is_reprint(self) -> bool:
        return self.containment >= CONTAINMENT_THRESHOLD and self.fact_overlap >= FACT_OVERLAP_THRESHOLD


def compare(body_a: str | None, facts_a: Sequence[int], body_b: str | None, facts_b: Sequence[int]) -> Comparison:
    """The exact similarity of two articles (their bodies and fact hashes)."""
    return compare_shingles(shingles(body_a), facts_a, shingles(body_b), facts_b)


def compare_shingles(
    shingles_a: np.ndarray, facts_a: Sequence[int], shingles_b: np.ndarray, facts_b: Sequence[int]
) -> Comparison:
    shared = len(np.intersect1d(shingles_a, shingles_b, assume_unique=True))
    smaller = min(len(shingles_a), len(shingles_b))
    union = len(shingles_a) + len(shingles_b) - shared
    overlaps = [
        _overlap({f for f in facts_a if f & 1 == kind}, {f for f in facts_b if f & 1 == kind}) for kind in (0, 1)
    ]
    return Comparison(
        containment=shared / smaller if smaller else 0.0,
        jaccard=shared / union if union else 0.0,
        fact_overlap=min(overlaps),
        number_overlap=overlaps[0],
        entity_overlap=overlaps[1],
    )


def _overlap(a: set[int], b: set[int]) -> float:
    fewer = min(len(a), len(b))
    return len(a & b) / fewer if fewer else 1.0


def verified_pairs(
    candidates: Iterable[tuple[str, str]], bodies: dict[str, str | None], facts: dict[str, Sequence[int]]
) -> list[tuple[str, str, Comparison]]:
    """The candidate pairs (article keys) that are reprints, each as ``(smaller key, larger key, comparison)``,
    sorted. The facts are compared first (a few integers): most candidates that are not reprints are look-alikes,
    whose facts differ, and their bodies are never cut into shingles; every other body is cut once."""
    cut: dict[str, np.ndarray] = {}
    fact_sets = {}

    def shingles_of(key: str) -> np.ndarray:
        if key not in cut:
            cut[key] = shingles(bodies[key])
        return cut[key]

    def facts_of(key: str) -> tuple[set[int], set[int]]:
        if key not in fact_sets:
            fact_sets[key] = ({f for f in facts[key] if f & 1 == 0}, {f for f in facts[key] if f & 1})
        return fact_sets[key]

    found = {}
    for a, b in candidates:
        a, b = min(a, b), max(a, b)
        if a == b or (a, b) in found:
            continue
        (numbers_a, names_a), (numbers_b, names_b) = facts_of(a), facts_of(b)
        if min(_overlap(numbers_a, numbers_b), _overlap(names_a, names_b)) < FACT_OVERLAP_THRESHOLD:
            found[(a, b)] = None
            continue
        found[(a, b)] = compare_shingles(shingles_of(a), facts[a], shingles_of(b), facts[b])
    return sorted((a, b, c) for (a, b), c in found.items() if c is not None and c.is_reprint)


def clusters(members: Iterable[str], pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Article key -> cluster key for the connected components of ``pairs`` over ``members`` (and the pairs'
    ends), by union-find; a cluster's key is its smallest member. Components of one article are left out."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for key in members:
        root(key)
    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)  # the smaller key stays the root: the root is the smallest member
    assignment = {key: root(key) for key in parent}
    sizes: dict[str, int] = {}
    for cluster in assignment.values():
        sizes[cluster] = sizes.get(cluster, 0) + 1
    return {key: cluster for key, cluster in assignment.items() if sizes[cluster] > 1}
