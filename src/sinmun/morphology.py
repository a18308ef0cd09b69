"""The one place sinmun loads Kiwi, the Korean morphological analyser.

Kiwi costs ~3 s and ~500 MB to load, so it is loaded once per process, and
only when something needs it (a page with a candidate column break, entity
extraction). Every call here is batched: many texts per call, Kiwi's own
worker threads doing the work.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiwipiepy import Kiwi

_lock = threading.Lock()
_kiwi: Kiwi | None = None
# When set (``recording``), every batch of texts sent to Kiwi is appended here as (call, texts): the benchmark
# replays exactly these calls to time Kiwi alone on the text the pipeline analyses.
_recorded: list[tuple[str, list[str]]] | None = None


@contextmanager
def recording() -> Iterator[list[tuple[str, list[str]]]]:
    """Record the Kiwi calls made inside the block (``"analyze"`` or ``"tokenize"``, with their texts)."""
    global _recorded
    _recorded = []
    try:
        yield _recorded
    finally:
        _recorded = None


def _record(call: str, texts: list[str]) -> None:
    if _recorded is not None:
        _recorded.append((call, texts))
    if _RECORD_FILE:  # the benchmark's record of an ingest, appended call by call (memory stays flat)
        with _lock, open(_RECORD_FILE, "ab") as f:  # batches may stage in several threads
            pickle.dump((call, texts), f)


_RECORD_FILE = os.environ.get("SINMUN_RECORD_KIWI_CALLS")


def default_workers() -> int:
    configured = os.environ.get("SINMUN_KIWI_WORKERS")
    return int(configured) if configured else max(1, os.cpu_count() or 1)


def kiwi() -> Kiwi:
    """The process's Kiwi instance, loaded on first use."""
    global _kiwi
    if _kiwi is None:
        with _lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi(num_workers=default_workers())
    return _kiwi


def analysis_scores(texts: Sequence[str]) -> list[float]:
    """Log-probability of Kiwi's best analysis of each text (one batched call)."""
    if not texts:
        return []
    batch = list(texts)
    _record("analyze", batch)
    return [result[0][1] for result in kiwi().analyze(batch, top_n=1)]


def tokenize(texts: Sequence[str]):
    """Kiwi's tokens of each text (one batched call, Kiwi's worker threads; an iterator of token lists)."""
    batch = list(texts)
    _record("tokenize", batch)
    return kiwi().tokenize(batch)


def final_tags(texts: Sequence[str]) -> list[str]:
    """Part-of-speech tag of the last morpheme of each text (one batched call): ``"정원을 잇는"`` -> ``"ETM"``."""
    if not texts:
        return []
    return [tokens[-1].tag if tokens else "" for tokens in tokenize(texts)]
