"""Small pages written in tests, and an article as the flat dict the reader's tables compare field by field."""

from __future__ import annotations


def page(*lines: str) -> str:
    """A page of the given blocks, one blank line between them."""
    return "\n\n".join(lines) + "\n"


def article_view(article) -> dict:
    """``article.to_dict()`` with the byline's fields beside the others (``byline_name``, ``byline_email``, ...)."""
    d = article.to_dict()
    b = d["byline"] or {}
    d.update(
        {
            "byline_name": b.get("name"),
            "byline_names": b.get("names"),
            "byline_role": b.get("role"),
            "byline_email": b.get("email"),
            "byline_affiliation": b.get("affiliation"),
            "byline_credit": b.get("credit"),
        }
    )
    return d
