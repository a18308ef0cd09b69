"""Parse one page file's bytes into the ``sinmun parse`` JSON contract.

The reader itself (``sinmun.pages``) is pure; this module adds the page's
identity: its hash, its encoding and its metadata, where options given by
the caller win over what the page's own header says.
"""

from __future__ import annotations

import hashlib
import time
from datetime import date

from sinmun.entities.extract import Tokenizer, extract_batch, kiwi_tokenizer
from sinmun.morphology import analysis_scores, final_tags
from sinmun.pages.column_breaks import Scorer
from sinmun.pages.decode import PageRejected, decode_page
from sinmun.pages.publications import publication_by_email
from sinmun.pages.reader import PageReading, read_page


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
    seconds: dict[str, float] | None = None,
) -> dict:
    """The contract's dict for one page; raises PageRejected for a file that is not a readable page.

    ``with_entities=False`` leaves entities, dates and amounts empty, for a caller that extracts them over a
    whole batch of pages at once (``sinmun.entities.extract.extract_batch``). ``seconds``, when given, adds the
    time spent decoding and hashing, and reading the page's pieces (``segment``)."""
    started = time.perf_counter()
    decoded = decode_page(data)
    sha256 = hashlib.sha256(data).hexdigest()
    decoded_at = time.perf_counter()
    reading = read_page(decoded.text, scorer, final_tags)
    if seconds is not None:
        seconds["decode+hash"] = seconds.get("decode+hash", 0.0) + decoded_at - started
        seconds["segment"] = seconds.get("segment", 0.0) + time.perf_counter() - decoded_at
    if not reading.articles:
        raise PageRejected("no-articles", "no recognisable article on the page")
    published = publication_date or reading.furniture.publication_date
    articles = [a.to_dict() for a in reading.articles]
    if with_entities:
        extract_batch(articles, [published] * len(articles), tokenizer)
    return {
        "source": {
            "path": path,
            "sha256": sha256,
            "encoding": decoded.encoding,
            "publication": publication or reading.furniture.publication or _publication_from_bylines(reading),
            "publication_date": published.isoformat() if published else None,
            "page": page if page is not None else reading.furniture.page,
            "section": reading.furniture.section,
        },
        "articles": articles,
    }


def _publication_from_bylines(reading: PageReading) -> str | None:
    for article in reading.articles:
        pub = publication_by_email(article.byline.email if article.byline else None)
        if pub:
            return pub.code
    return None
