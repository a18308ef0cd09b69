"""``sinmun entities``: texts in, one line of entities, dates, amounts and quotes per text out (JSON Lines).

Each input line is a JSON object ``{"id", "text"}`` (or, in plain-text mode, the line itself is the text and its
line number the id). The texts go through ``extract_batch`` as bodies of articles of their own, a batch at a
time (one Kiwi call per batch), so the answers are those of ``sinmun parse`` and of the warehouse, with offsets
into ``text``. A line that is not a usable record is refused with a one-line reason; the others go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sinmun.entities.extract import Tokenizer, extract_batch, kiwi_tokenizer

BATCH_TEXTS = 256  # texts per extract_batch call: one Kiwi call each, memory bounded for any input size


@dataclass(frozen=True)
class TextRecord:
    id: str | int
    text: str


@dataclass(frozen=True)
class BadRecord:
    line_number: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line_number}: {self.reason}"


def read_record(line: str, line_number: int, *, plain_text: bool) -> TextRecord | BadRecord | None:
    """One input line as a record, a refusal saying why not, or None for a blank line."""
    line = line.rstrip("\r\n")
    if plain_text:
        return TextRecord(line_number, line) if line.strip() else None
    if not line.strip():
        return None
    try:
        row = json.loads(line)
    except json.JSONDecodeError as err:
        return BadRecord(line_number, f"not JSON ({err.msg} at column {err.colno})")
    if not isinstance(row, dict):
        return BadRecord(line_number, f"not a JSON object but {type(row).__name__}")
    if "id" not in row:
        return BadRecord(line_number, 'no "id"')
    record_id, text = row["id"], row.get("text")
    if not isinstance(record_id, str | int) or isinstance(record_id, bool):
        return BadRecord(line_number, f'"id" must be a string or an integer, not {type(record_id).__name__}')
    if not isinstance(text, str):
        return BadRecord(line_number, f'"text" must be a string, not {type(text).__name__}')
    return TextRecord(record_id, text)


def extract_records(
    lines: Iterable[str], *, plain_text: bool = False, tokenizer: Tokenizer = kiwi_tokenizer
) -> Iterator[dict | BadRecord]:
    """For each input line, in order: its answer ``{"id", "entities", "dates", "amounts", "quotes"}`` or its refusal."""
    pending: list[TextRecord | BadRecord] = []
    pending_texts = 0
    for line_number, line in enumerate(lines, 1):
        record = read_record(line, line_number, plain_text=plain_text)
        if record is None:
            continue
        pending.append(record)
        pending_texts += isinstance(record, TextRecord)
        if pending_texts >= BATCH_TEXTS:
            yield from _answer(pending, tokenizer)
            pending, pending_texts = [], 0
    yield from _answer(pending, tokenizer)


def _answer(records: list[TextRecord | BadRecord], tokenizer: Tokenizer) -> Iterator[dict | BadRecord]:
    texts = [r for r in records if isinstance(r, TextRecord)]
    articles = [
        {"kind": "news", "body": r.text, "entities": [], "dates": [], "amounts": [], "quotes": []} for r in texts
    ]
    extract_batch(articles, [None] * len(articles), tokenizer)
    answers = iter(articles)
    for record in records:
        if isinstance(record, BadRecord):
            yield record
            continue
        article = next(answers)
        yield {
            "id": record.id,
            "entities": article["entities"],
            "dates": article["dates"],
            "amounts": article["amounts"],
            "quotes": article["quotes"],
        }
