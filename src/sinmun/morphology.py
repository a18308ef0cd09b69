"""The one place sinmun loads Kiwi, the Korean morphological analyser.

Kiwi costs ~3 s and ~500 MB to load, so it is loaded once per process, and
only when something needs it (a page with a candidate column break, entity
extraction). Every call here is batched: many texts per call, Kiwi's own
worker threads doing the work.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiwipiepy import Kiwi

_lock = threading.Lock()
_kiwi: Kiwi | None = None


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
    return [result[0][1] for result in kiwi().analyze(list(texts), top_n=1)]


def final_tags(texts: Sequence[str]) -> list[str]:
    """Part-of-speech tag of the last morpheme of each text (one batched call): ``"정원을 잇는"`` -> ``"ETM"``."""
    if not texts:
        return []
    return [tokens[-1].tag if tokens else "" for tokens in kiwi().tokenize(list(texts))]
