"""Parse one page file's bytes into the ``sinmun parse`` JSON contract.

The reader itself (``sinmun.pages``) is pure; this module adds the page's
identity: its hash, its encoding and its metadata, where options given by
the caller win over what the page's own header says.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sinmun.entities.extract import Tokenizer, extract_batch, kiwi_tokenizer
from sinmun.morphology import analysis_scores, final_tags, sharing_short_texts, tags_at
from sinmun.pages.column_breaks import Scorer
from sinmun.pages.decode import DecodedPage, PageRejected, decode_page
from sinmun.pages.publications import publication_by_email
from sinmun.pages.reader import PageReading, read_pages


@dataclass(frozen=True)
class PageBytes:
    """One page file's bytes and what the caller already knows of it (it wins over the page's own header)."""

    data: bytes
    path: str
    publication: str | None = None
    publication_date: date | None = None
    page: int | None = None


def parse_page_bytes(
    data: bytes,
    *,
    path: str,
    publication: str | None = None,
    publication_date: date | None = None,
    page: int | None = None,
    scorer: Scorer = analysis_scores,
    tokenizer: Tokenizer = kiwi_tokenizer,
    with_entities: bool = True,
) -> dict:
    """The contract's dict for one page; raises PageRejected for a file that is not a readable page."""
    (result,) = parse_pages_bytes(
        [PageBytes(data, path, publication, publication_date, page)], scorer=scorer, tokenizer=tokenizer,
        with_entities=with_entities,
    )  # fmt: skip
    if isinstance(result, PageRejected):
        raise result
    return result


@sharing_short_texts()  # a headline the reader checked (its last morpheme) is tokenized again for its entities: once
def parse_pages_bytes(
    pages: Sequence[PageBytes],
    *,
    scorer: Scorer = analysis_scores,
    tokenizer: Tokenizer = kiwi_tokenizer,
    with_entities: bool = True,
    seconds: dict[str, float] | None = None,
) -> list[dict | PageRejected]:
    """The contract's dict for each page, or the PageRejected saying why it is not a readable page.

    The pages are read together (``read_pages``: the analyser is called a few times for all of them).
    ``with_entities=False`` leaves entities, dates and amounts empty, for a caller that extracts them over the
    batch itself (``sinmun.entities.extract.extract_batch``). ``seconds``, when given, adds the time spent
    decoding and hashing, and reading the pages' pieces (``segment``)."""
    started = time.perf_counter()
    results: list[dict | PageRejected | None] = [None] * len(pages)
    decoded: dict[int, tuple[DecodedPage, str]] = {}
    for n, page in enumerate(pages):
        try:
            decoded[n] = (decode_page(page.data), hashlib.sha256(page.data).hexdigest())
        except PageRejected as err:
            results[n] = err
    decoded_at = time.perf_counter()
    readings = dict(
        zip(decoded, read_pages([d.text for d, _ in decoded.values()], scorer, final_tags, tags_at), strict=True)
    )
    if seconds is not None:
        seconds["decode+hash"] = seconds.get("decode+hash", 0.0) + decoded_at - started
        seconds["segment"] = seconds.get("segment", 0.0) + time.perf_counter() - decoded_at
    for n, reading in readings.items():
        if not reading.articles:
            results[n] = PageRejected("no-articles", "no recognisable article on the page")
            continue
        page, (text, sha256) = pages[n], decoded[n]
        published = page.publication_date or reading.furniture.publication_date
        results[n] = {
            "source": {
                "path": page.path,
                "sha256": sha256,
                "encoding": text.encoding,
                "publication": page.publication or reading.furniture.publication or _publication_from_bylines(reading),
                "publication_date": published.isoformat() if published else None,
                "page": page.page if page.page is not None else reading.furniture.page,
                "section": reading.furniture.section,
            },
            "articles": [a.to_dict() for a in reading.articles],
        }
    if with_entities:
        parsed = [r for r in results if isinstance(r, dict)]
        articles = [a for r in parsed for a in r["articles"]]
        published_on = [iso_date(r["source"]["publication_date"]) for r in parsed for _ in r["articles"]]
        extract_batch(articles, published_on, tokenizer)
    return results  # type: ignore[return-value]


def iso_date(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def _publication_from_bylines(reading: PageReading) -> str | None:
    for article in reading.articles:
        pub = publication_by_email(article.byline.email if article.byline else None)
        if pub:
            return pub.code
    return None
