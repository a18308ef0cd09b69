"""The version of sinmun's reading: what turns a page file into articles and entities.

Every page version loaded records the reading version it was read with (``ledger_page.reader_version``), so that
``sinmun reprocess`` can re-read the pages an earlier reading loaded. The version is the package's version, the
reader's revision and the checksum of the shipped entity model: a new release, a new model, or a bumped revision
each make a new reading version.

Bump ``READER_REVISION`` with any change to the reader (``sinmun.pages``), the recognizer's rules or lexicons
(``sinmun.entities``, ``sinmun/data``) or the normalization (``sinmun.ingest.normalize``) that changes what a page
reads as, when it does not come with a new package version.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from sinmun import __version__

READER_REVISION = 1


@cache
def reader_version() -> str:
    """``<package version>+r<revision>.m<first 12 hex digits of the entity model's sha256>``."""
    card = json.loads(resources.files("sinmun.data").joinpath("entity_model.json").read_text(encoding="utf-8"))
    return f"{__version__}+r{READER_REVISION}.m{card['model_sha256'][:12]}"
