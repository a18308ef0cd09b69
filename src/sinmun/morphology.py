"""The one place sinmun calls Kiwi, the Korean morphological analyser.

Kiwi costs ~3 s and ~500 MB to load, so it is loaded once, and only when something
needs it (a page with a candidate column break, entity extraction). Every call here is
batched: many texts per call, Kiwi's own worker threads doing the work.

Kiwi runs in this process by default. An ingest runs it in a process of its own
(``start_kiwi_process``): kiwipiepy holds Python's GIL while a thread waits for its
results, which would stall the staging threads' rules (pure Python) for as long as
Kiwi works; in its own process, Kiwi's threads and the rules run side by side. The
answers are the same either way: scores, and tokens as plain tuples.
"""

from __future__ import annotations

import os
import pickle
import queue
import re
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiwipiepy import Kiwi

# A token as sinmun uses it: (start, end, tag, form), offsets in characters of the text.
Token = tuple[int, int, str, str]

_lock = threading.Lock()
_kiwi: Kiwi | None = None
_process: KiwiProcess | None = None
# When set (``recording``), every batch of texts sent to Kiwi is appended here as (call, texts): the benchmark
# replays exactly these calls to time Kiwi alone on the text the pipeline analyses.
_recorded: list[tuple[str, list[str]]] | None = None
# A Kiwi process streams tokens back this many texts at a time, or as soon as the texts of a chunk reach this many
# characters (a long body's pieces: its caller reads each window as soon as its tokens come, ``sinmun.entities.
# extract``, so the first comes early and little is left to read once Kiwi is done).
_CHUNK_TEXTS = 32
_CHUNK_CHARS = 16_000
# Kiwi's time on one text grows faster than the text (a 200,000-character line without a line break takes
# several times as long as the same line in sentences), so a longer text is tokenized in pieces of at most this
# many characters, cut after a sentence's end (else at a space), and its tokens are put back with their offsets
# in the whole text. Articles are shorter than this: their tokens are Kiwi's on the whole text, as before.
MAX_PIECE_CHARS = 4000
_PIECE_END = re.compile(r"""[.?!。…]["'”’」』)\]]*\s+|\s+""")


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
    """This process's Kiwi instance, loaded on first use."""
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
    batch, which = _distinct(texts)
    _record("analyze", batch)
    scores = _process.analysis_scores(batch) if _process is not None else _scores(kiwi(), batch)
    return [scores[k] for k in which]


def tokenize(texts: Sequence[str]) -> Iterator[list[Token]]:
    """Kiwi's tokens of each text, as they are ready (one batched call; an iterator of token lists). A text
    longer than ``MAX_PIECE_CHARS`` goes to Kiwi in pieces (``text_pieces``); its tokens come back whole. A short
    text tokenized lately while a caller shares short texts (``sharing_short_texts``) is not sent again."""
    if not _sharing[0]:
        return _tokenize(texts)
    with _recent_lock:  # another thread may forget one meanwhile
        recent = {text: _recent[text] for text in texts if text in _recent}
    answers = _tokenize([text for text in texts if text not in recent] if recent else texts)
    return _with_recent(texts, recent, answers)


# Kiwi's tokens of the short texts tokenized lately, while a caller reads pages and their entities together
# (``sharing_short_texts``): a line the reader asked about (a headline, whose last morpheme it checks) is tokenized
# again for the article's entities and search terms (2,185 headlines of a 2 MB page). Kept for this many texts of
# at most this many characters, the oldest forgotten first; forgotten all when the last caller sharing them is
# done, and when Kiwi moves to or from a process of its own. Outside, every call sends Kiwi every text: a
# measurement of Kiwi alone measures Kiwi.
_RECENT_TEXTS = 10_000
_RECENT_MAX_CHARS = 200
_recent: dict[str, tuple[Token, ...]] = {}
_recent_lock = threading.Lock()
_sharing = [0]  # how many callers are inside ``sharing_short_texts`` now


@contextmanager
def sharing_short_texts() -> Iterator[None]:
    """Within: a short text tokenized once is not sent to Kiwi again (reading a batch of pages, then their
    entities). Nested and concurrent callers share; the texts are forgotten when the last one is done."""
    with _recent_lock:
        _sharing[0] += 1
    try:
        yield
    finally:
        with _recent_lock:
            _sharing[0] -= 1
            if not _sharing[0]:
                _recent.clear()


def _with_recent(
    texts: Sequence[str], recent: dict[str, tuple[Token, ...]], answers: Iterator[list[Token]]
) -> Iterator[list[Token]]:
    for text in texts:
        if text in recent:
            yield list(recent[text])
            continue
        tokens = next(answers)
        if len(text) <= _RECENT_MAX_CHARS:
            with _recent_lock:
                if _sharing[0]:  # read after the callers sharing texts were done: nothing to keep it for
                    if len(_recent) >= _RECENT_TEXTS:
                        del _recent[next(iter(_recent))]
                    _recent[text] = tuple(tokens)
        yield tokens


def _tokenize(texts: Sequence[str]) -> Iterator[list[Token]]:
    pieces = [text_pieces(text) for text in texts]
    batch, which = _distinct([piece for text in pieces for _, piece in text])
    if not batch:
        return iter(())
    _record("tokenize", batch)
    tokens = _process.tokenize(batch) if _process is not None else _tokens(kiwi(), batch)
    if len(batch) < len(which):
        tokens = _repeated(tokens, which)
    if len(which) == len(pieces):
        return tokens
    return _joined(tokens, [[offset for offset, _ in text] for text in pieces])


def _distinct(texts: Sequence[str]) -> tuple[list[str], list[int]]:
    """The texts without repeats, in the order they first occur, and for each text its place in that list: Kiwi's
    answer for a text is the same every time, so a text that occurs again (a window the reader scores twice, a
    brief printed on two pages) is analysed once."""
    places: dict[str, int] = {}
    which = [places.setdefault(text, len(places)) for text in texts]
    return list(places), which


def _repeated(answers: Iterator[list[Token]], which: list[int]) -> Iterator[list[Token]]:
    """Each text's tokens from the distinct texts' (``_distinct``), in the texts' order, as they are ready; a
    repeat's list is kept only until its last repeat is given out."""
    repeats_left = Counter(which)
    kept: dict[int, tuple[Token, ...]] = {}
    for k in which:
        tokens = list(kept[k]) if k in kept else next(answers)  # a first occurrence: the next distinct text's
        repeats_left[k] -= 1
        if repeats_left[k]:
            kept[k] = tuple(tokens)
        else:
            kept.pop(k, None)
        yield tokens


def text_pieces(text: str) -> list[tuple[int, str]]:
    """``text`` cut into (offset, piece) of at most ``MAX_PIECE_CHARS`` characters: after the last sentence end in
    the second half of each piece's room, else after its last space, else at the limit."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > MAX_PIECE_CHARS:
        room = text[start + MAX_PIECE_CHARS // 2 : start + MAX_PIECE_CHARS]
        gaps = list(_PIECE_END.finditer(room))
        sentence_ends = [m.end() for m in gaps if not m.group().isspace()]
        cut = (sentence_ends or [m.end() for m in gaps] or [len(room)])[-1] + start + MAX_PIECE_CHARS // 2
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


def _joined(tokens: Iterator[list[Token]], offsets: list[list[int]]) -> Iterator[list[Token]]:
    """Each text's tokens from its pieces' tokens, shifted to offsets in the whole text."""
    for text_offsets in offsets:
        whole: list[Token] = []
        for offset in text_offsets:
            whole.extend((start + offset, end + offset, tag, form) for start, end, tag, form in next(tokens))
        yield whole


def final_tags(texts: Sequence[str]) -> list[str]:
    """Part-of-speech tag of the last morpheme of each text (one batched call): ``"정원을 잇는"`` -> ``"ETM"``."""
    if not texts:
        return []
    return [tokens[-1][2] if tokens else "" for tokens in tokenize(texts)]


def tags_at(cuts: Sequence[tuple[str, int]]) -> list[str]:
    """For each (text, offset): ``"span"`` when one morpheme runs across the offset (``어린이열|람실``), else the tag
    and form of the morpheme that starts there (``발표|했다`` -> ``"XSV/하"``), ``""`` when none does (one batched
    call)."""
    answers = []
    for (_, offset), tokens in zip(cuts, tokenize([text for text, _ in cuts]), strict=True):
        if any(start < offset < end for start, end, _, _ in tokens):
            answers.append("span")
        else:
            answers.append(next((f"{tag}/{form}" for start, _, tag, form in tokens if start == offset), ""))
    return answers


def _scores(analyser: Kiwi, texts: list[str]) -> list[float]:
    return [result[0][1] for result in analyser.analyze(texts, top_n=1)]


def _tokens(analyser: Kiwi, texts: list[str]) -> Iterator[list[Token]]:
    return ([(t.start, t.start + t.len, t.tag, t.form) for t in tokens] for tokens in analyser.tokenize(texts))


# --- Kiwi in a process of its own -----------------------------------------------------------------------------


class KiwiError(RuntimeError):
    """The Kiwi process failed on a call (its message says why) or is gone."""


class KiwiProcess:
    """Kiwi loaded and run in a child process. Calls queue up and run one at a time (each is a whole batch, on
    Kiwi's own threads); a thread of this process sends them and collects the answers as they come, so Kiwi
    never waits for a slow reader, and token lists reach their caller as they are ready. The child exits when
    this process closes it or dies."""

    def __init__(self, workers: int) -> None:
        # A fresh interpreter (no threads, locks or main module inherited), answering on its stdin and stdout.
        self._child = subprocess.Popen(
            [sys.executable, "-m", "sinmun.morphology", "--serve", str(workers)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            start_new_session=True,  # a terminal's Ctrl-C reaches the run, which ends this process in order
        )  # fmt: skip
        self._to_child = Connection(os.dup(self._child.stdin.fileno()), readable=False)
        self._from_child = Connection(os.dup(self._child.stdout.fileno()), writable=False)
        self._child.stdin.close()
        self._child.stdout.close()
        self._requests: queue.SimpleQueue = queue.SimpleQueue()
        self._aborted = False
        self._called = False
        self._dispatcher = threading.Thread(target=self._dispatch, name="sinmun-kiwi-calls", daemon=True)
        self._dispatcher.start()

    def analysis_scores(self, texts: list[str]) -> list[float]:
        (scores,) = list(self._answers(self._send("analyze", texts)))
        return scores

    def tokenize(self, texts: list[str]) -> Iterator[list[Token]]:
        """Each text's tokens, as they come. The call is sent now, not when its first answer is read: Kiwi works on
        it while the caller does what needs no tokens (``sinmun.entities.extract`` finds dates and amounts)."""
        replies = self._send("tokenize", texts)
        return (tokens for chunk in self._answers(replies) for tokens in chunk)

    def abort(self) -> None:
        """End the child now: the call in progress and every later one fail at once with ``KiwiError``."""
        self._aborted = True
        with suppress(OSError):
            self._child.kill()

    def close(self) -> None:
        if not self._called:  # never asked anything (its run read no page): not worth waiting for Kiwi to load
            self.abort()
        self._requests.put(None)
        self._dispatcher.join(timeout=10)
        # Every call is answered (or abandoned): the child holds nothing worth an orderly exit, in which Python
        # would free Kiwi's half a gigabyte object by object (a quarter of a second at the end of every command).
        with suppress(OSError):
            self._child.kill()
        self._child.wait()

    def _send(self, call: str, texts: list[str]) -> queue.SimpleQueue:
        """Queue a call for the child; its answers come on the queue returned, then ``_END``."""
        self._called = True
        replies: queue.SimpleQueue = queue.SimpleQueue()
        self._requests.put((call, texts, replies))
        return replies

    @staticmethod
    def _answers(replies: queue.SimpleQueue) -> Iterator:
        while (reply := replies.get()) is not _END:
            if isinstance(reply, KiwiError):
                raise reply
            yield reply

    def _dispatch(self) -> None:
        gone: KiwiError | None = None
        while (request := self._requests.get()) is not None:
            call, texts, replies = request
            if gone is None:
                gone = self._exchange(call, texts, replies)
            if gone is not None:
                replies.put(gone)
            replies.put(_END)
        with suppress(OSError):
            self._to_child.send(None)
        self._to_child.close()
        self._from_child.close()

    def _exchange(self, call: str, texts: list[str], replies: queue.SimpleQueue) -> KiwiError | None:
        """Send one call and pass its answers on; returns the error if the child is gone."""
        try:
            self._to_child.send((call, texts))
            while True:
                status, value = self._from_child.recv()
                if status == "error":
                    replies.put(KiwiError(value))
                    return None
                if value is None:
                    return None
                replies.put(value)
        except (EOFError, OSError):
            if self._aborted:
                return KiwiError("Kiwi call abandoned: the run is stopping")
            return KiwiError(f"the Kiwi process is gone (exit code {self._child.poll()})")


_END = object()


def start_kiwi_process(workers: int | None = None) -> KiwiProcess:
    """Run this process's Kiwi calls in a child process from now on (it starts loading Kiwi at once)."""
    global _process
    with _lock:
        if _process is None:
            _process = KiwiProcess(workers or default_workers())
            forget_recent_tokens()
    return _process


def forget_recent_tokens() -> None:
    """Send every text to Kiwi again (``_recent``): when Kiwi moves, or for a test that counts what Kiwi is sent."""
    with _recent_lock:
        _recent.clear()


def kiwi_process_running() -> bool:
    return _process is not None


def stop_kiwi_process() -> None:
    """Back to Kiwi in this process; the child exits."""
    global _process
    with _lock:
        process, _process = _process, None
    if process is not None:
        process.close()
        forget_recent_tokens()


@contextmanager
def kiwi_process_stopped_after() -> Iterator[None]:
    """Stop the Kiwi process started inside the block (``start_kiwi_process``) when the block ends; when it fails
    (an error, Ctrl-C), end it at once: no answer still in flight is worth waiting for."""
    try:
        yield
    except BaseException:
        abort_kiwi_process()
        raise
    finally:
        stop_kiwi_process()


def abort_kiwi_process() -> None:
    """Make this process's Kiwi calls fail at once (its Kiwi process ends now): the run that wanted them is
    ending, and its staging threads must not wait for answers nobody will load. ``stop_kiwi_process`` still
    ends it for good; Kiwi loaded in this process is left alone."""
    process = _process
    if process is not None:
        process.abort()


_WARM_UP_TEXT = "시민들이 광장에 모였다."


def _serve(workers: int) -> None:
    """The Kiwi process: answer calls from stdin on stdout until told to stop (None) or the parent is gone."""
    requests = Connection(os.dup(0), writable=False)
    answers = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)  # anything printed goes to stderr, never into the answers
    from kiwipiepy import Kiwi

    analyser = Kiwi(num_workers=workers)
    # Kiwi prepares itself on its first call (about a second, whatever the text): done now, it overlaps the
    # caller's own work (importing, reading the page) instead of delaying the first answer it waits for.
    analyser.tokenize(_WARM_UP_TEXT)
    while True:
        try:
            message = requests.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        call, texts = message
        try:
            if call == "analyze":
                answers.send(("ok", _scores(analyser, texts)))
                answers.send(("ok", None))
                continue
            chunk: list[list[Token]] = []
            chunk_chars = 0
            for text, tokens in zip(texts, _tokens(analyser, texts), strict=True):
                chunk.append(tokens)
                chunk_chars += len(text)
                if len(chunk) == _CHUNK_TEXTS or chunk_chars >= _CHUNK_CHARS:
                    answers.send(("ok", chunk))
                    chunk, chunk_chars = [], 0
            if chunk:
                answers.send(("ok", chunk))
            answers.send(("ok", None))
        except Exception as err:  # the parent raises it as KiwiError
            answers.send(("error", f"Kiwi failed on a {call} call of {len(texts)} texts: {err!r}"))


if __name__ == "__main__" and sys.argv[1:2] == ["--serve"]:
    _serve(int(sys.argv[2]))
