"""The newspapers sinmun knows by name and web domain (``sinmun/data/publications.csv``).

``bitgoeul``, ``namdo`` and ``seohae`` are the fictional papers of the project's own sample pages.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Publication:
    code: str
    name: str
    domain: str


@cache
def known_publications() -> tuple[Publication, ...]:
    with resources.files("sinmun.data").joinpath("publications.csv").open(encoding="utf-8") as f:
        return tuple(Publication(**row) for row in csv.DictReader(f))


def publication_by_name(name: str) -> Publication | None:
    return next((p for p in known_publications() if p.name == name), None)


def publication_by_domain(domain: str) -> Publication | None:
    domain = domain.lower().removeprefix("www.")
    return next((p for p in known_publications() if domain == p.domain or domain.endswith("." + p.domain)), None)


def publication_by_email(email: str | None) -> Publication | None:
    if not email or "@" not in email:
        return None
    return publication_by_domain(email.rsplit("@", 1)[1])
