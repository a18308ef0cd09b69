"""sinmun's SQL files: where they are and the text of one, by name (``load/insert_fct_article``).

Every statement sinmun runs lives in a file under ``sql/``. This module only finds and reads them; it opens no
database, so the store (which runs the loads, checks and publishing) and the analytics (which run the analyses,
searches and the report on the published copy) both read their statements here.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path


@cache
def sql_dir() -> Path:
    """sinmun's SQL files: ``$SINMUN_SQL_DIR`` when set; else the installed package's ``sinmun/sql/`` (a wheel
    carries the repository's ``sql/`` there); else, in a source checkout (an editable install), the repository's
    ``sql/``. Never the current folder's: an installed sinmun works from any folder."""
    configured = os.environ.get("SINMUN_SQL_DIR")
    candidates = [Path(configured)] if configured else []
    package = Path(__file__).resolve().parent
    candidates += [package / "sql", package.parents[1] / "sql"]
    for candidate in candidates:
        if (candidate / "ddl").is_dir():
            return candidate
    raise FileNotFoundError(f"sinmun's SQL files were not found (looked in {', '.join(map(str, candidates))})")


_SQL_NAME = re.compile(r"[a-z]+/[a-z0-9_]+")


@cache
def sql(name: str) -> str:
    """The text of ``sql/<name>.sql`` (``name`` like ``load/insert_fct_article``; nothing else is accepted)."""
    if not _SQL_NAME.fullmatch(name):
        raise ValueError(f"not the name of one of sinmun's SQL files: {name!r}")
    return (sql_dir() / f"{name}.sql").read_text(encoding="utf-8")
