"""Fill the ``entities``, ``dates`` and ``amounts`` of parsed articles, a whole batch at a time.

Kiwi tokenizes every body and headline of the batch in one multi-threaded call (never
one call per sentence); its tokens tell which candidate names are ordinary dictionary
words, and give each article's search terms (``sinmun.analytics.search_terms``).
The rules themselves (``people``, ``organizations``, ``places``, ``dates``,
``amounts``) are plain functions over text, testable without Kiwi.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from sinmun.analytics.search_terms import ArticleTerms, Token, article_terms
from sinmun.entities import amounts, dates, organizations, people, places, suffix_places
from sinmun.entities.lexicon import org_ending

# Kiwi tags of tokens that are ordinary words (a candidate name spanning exactly one of these is no name).
_COMMON_TAGS = frozenset({"NNG", "NNB", "NP", "NR", "MM", "MAG", "MAJ", "VV", "VA", "VX", "IC", "XR"})

# A tokenizer takes texts and returns, per text, its tokens as (start, end, tag, form) tuples.
Tokenizer = Callable[[Sequence[str]], Iterable[list[Token]]]


def kiwi_tokenizer(texts: Sequence[str]) -> Iterable[list[Token]]:
    from sinmun.morphology import tokenize

    return tokenize(texts)


def extract_batch(
    articles: Sequence[dict], published: Sequence[date | None], tokenizer: Tokenizer = kiwi_tokenizer
) -> list[ArticleTerms]:
    """Fill entities, dates and amounts of each article dict (the ``sinmun parse`` contract) in place.

    Returns each article's search terms, from the same Kiwi pass: one call tokenizes every body and
    headline of the batch."""
    bodies = [a.get("body") or "" for a in articles]
    headlines = [_headline_text(a) for a in articles]
    with_body = [i for i, body in enumerate(bodies) if body]
    with_headline = [i for i, headline in enumerate(headlines) if headline]
    # Kiwi's threads tokenize ahead while the rules run over each body as soon as its tokens arrive.
    token_lists = iter(tokenizer([bodies[i] for i in with_body] + [headlines[i] for i in with_headline]))
    body_tokens: dict[int, list[Token]] = {}
    for i in with_body:
        tokens = body_tokens[i] = next(token_lists)
        article = articles[i]
        if article.get("kind") == "ad":
            continue
        common = {(s, e) for s, e, tag, _form in tokens if tag in _COMMON_TAGS}
        article["entities"] = article_entities(article, is_common_word=lambda s, e, c=common: (s, e) in c)
        article["dates"] = [d.to_dict() for d in dates.find_dates(bodies[i], published[i])]
        article["amounts"] = [a.to_dict() for a in amounts.find_amounts(bodies[i])]
    headline_tokens = {i: next(token_lists) for i in with_headline}
    if next(token_lists, None) is not None:
        raise ValueError("the tokenizer returned more token lists than texts")
    return [article_terms(body_tokens.get(i, ()), headline_tokens.get(i, ())) for i in range(len(articles))]


def _headline_text(article: dict) -> str:
    return "\n".join(t for t in [article.get("headline"), *(article.get("subheadlines") or [])] if t)


def article_entities(article: dict, *, is_common_word: people.CommonWordCheck | None = None) -> list[dict]:
    """The entities of one article: people, organizations and places, one entry per canonical name."""
    body = article.get("body") or ""
    found_people = people.find_people(body, is_common_word=is_common_word)
    if article.get("headline"):
        people.resolve_hanja_abbreviations(article["headline"], found_people)
    person_spans = [(m.start, m.end) for p in found_people for m in p.mentions if m.field == "body"]

    place_mentions = _split_city_district(places.find_places(body))
    taken = person_spans + [(m.start, m.end) for m in place_mentions]
    place_forms = {m.text for m in place_mentions}
    orgs = organizations.find_organizations(body, exclude=place_forms)
    out: list[dict] = []
    for p in found_people:
        out.append(
            {
                "type": "PERSON",
                "name": p.name,
                "title": p.title,
                "affiliation": p.affiliation,
                "mentions": [_mention(m.text, m.start, m.end, title=m.title, field=m.field) for m in p.mentions],
            }
        )
    for org in orgs:
        mentions = [m for m in org.mentions if not _overlaps(m.start, m.end, person_spans)]
        if mentions:
            out.append(
                {
                    "type": "ORG",
                    "name": org.name,
                    "title": None,
                    "affiliation": None,
                    "aliases": org.aliases,
                    "mentions": [_mention(m.text, m.start, m.end) for m in mentions],
                }
            )
    out.extend(_glued_affiliations(found_people, body, {o.name for o in orgs}, taken))
    by_place: dict[str, dict] = {}
    for m in place_mentions:
        if _overlaps(m.start, m.end, person_spans):
            continue
        entry = by_place.setdefault(
            m.place.code,
            {
                "type": "LOCATION",
                "name": m.place.name,
                "title": None,
                "affiliation": None,
                "place_code": m.place.code,
                "mentions": [],
            },
        )
        entry["mentions"].append(_mention(m.text, m.start, m.end))
    out.extend(by_place.values())
    named = {e["name"] for e in out} | {m["text"] for e in out for m in e["mentions"]}
    taken_spans = person_spans + [(m["start"], m["end"]) for e in out for m in e["mentions"]]
    by_name: dict[str, dict] = {}
    for name, start, end in suffix_places.find_suffix_places(body, exclude=named):
        if _overlaps(start, end, taken_spans):
            continue
        entry = by_name.setdefault(
            name,
            {"type": "LOCATION", "name": name, "title": None, "affiliation": None, "place_code": None, "mentions": []},
        )
        entry["mentions"].append(_mention(name, start, end))
    out.extend(by_name.values())
    return out


def _mention(text: str, start: int, end: int, *, title: str | None = None, field: str = "body") -> dict:
    d: dict = {"text": text, "start": start, "end": end}
    if title:
        d["title"] = title
    if field != "body":
        d["field"] = field
    return d


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _glued_affiliations(found_people, body: str, known: set[str], taken) -> list[dict]:
    """``한국인공지능협회장``: the organization glued to a title is an organization mention too."""
    out: dict[str, dict] = {}
    for p in found_people:
        for m in p.mentions:
            if not m.title or m.field != "body":
                continue
            word = m.title.split()[-1]
            titled = people.split_title(word)
            affiliation = titled[1] if titled else None
            if not affiliation or affiliation in known or not org_ending(affiliation):
                continue
            start = body.find(word, m.start)
            if start < 0:
                continue
            entry = out.setdefault(
                affiliation,
                {"type": "ORG", "name": affiliation, "title": None, "affiliation": None, "aliases": [], "mentions": []},
            )
            entry["mentions"].append(_mention(affiliation, start, start + len(affiliation)))
    return list(out.values())


def _split_city_district(mentions: list[places.PlaceMention]) -> list[places.PlaceMention]:
    """``광주 북구`` is a mention of 광주 and a mention of its 북구: split a qualified district mention in two."""
    out: list[places.PlaceMention] = []
    for m in mentions:
        if " " in m.text and m.place.parent_code:
            head, _, tail = m.text.rpartition(" ")
            parent = places.place_by_code(m.place.parent_code)
            if parent is not None:
                out.append(places.PlaceMention(head, m.start, m.start + len(head), parent))
                tail_start = m.end - len(tail)
                out.append(places.PlaceMention(tail, tail_start, m.end, m.place))
                continue
        out.append(m)
    return out
