"""Fill the ``entities``, ``dates``, ``amounts`` and ``quotes`` of parsed articles, a whole batch at a time.

Kiwi tokenizes every body and headline of the batch in one multi-threaded call (never
one call per sentence); its tokens tell which candidate names are ordinary dictionary
words, and give each article's search terms (``sinmun.analytics.search_terms``).
The rules themselves (``people``, ``organizations``, ``places``, ``dates``,
``amounts``, ``quotes``) are plain functions over text, testable without Kiwi.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from sinmun.analytics.search_terms import ArticleTerms, Token, article_terms
from sinmun.entities import amounts, dates, lexicon, organizations, people, places, quotes, recognizer, suffix_places
from sinmun.entities.lexicon import org_ending, strip_particle

# Kiwi tags of tokens that are ordinary words (a candidate name spanning exactly one of these is no name).
COMMON_TAGS = frozenset({"NNG", "NNB", "NP", "NR", "MM", "MAG", "MAJ", "VV", "VA", "VX", "IC", "XR"})

# A tokenizer takes texts and returns, per text, its tokens as (start, end, tag, form) tuples.
Tokenizer = Callable[[Sequence[str]], Iterable[list[Token]]]


def kiwi_tokenizer(texts: Sequence[str]) -> Iterable[list[Token]]:
    from sinmun.morphology import tokenize

    return tokenize(texts)


def extract_batch(
    articles: Sequence[dict], published: Sequence[date | None], tokenizer: Tokenizer = kiwi_tokenizer
) -> list[ArticleTerms]:
    """Fill entities, dates, amounts and quotes of each article dict (the ``sinmun parse`` contract) in place.

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
        common = {(s, e) for s, e, tag, _form in tokens if tag in COMMON_TAGS}
        article["entities"] = article_entities(article, tokens, is_common_word=lambda s, e, c=common: (s, e) in c)
        article["dates"] = [d.to_dict() for d in dates.find_dates(bodies[i], published[i])]
        article["amounts"] = [a.to_dict() for a in amounts.find_amounts(bodies[i])]
        article["quotes"] = [q.to_dict() for q in quotes.find_quotes(bodies[i], article["entities"], tokens)]
    headline_tokens = {i: next(token_lists) for i in with_headline}
    if next(token_lists, None) is not None:
        raise ValueError("the tokenizer returned more token lists than texts")
    return [article_terms(body_tokens.get(i, ()), headline_tokens.get(i, ())) for i in range(len(articles))]


def _headline_text(article: dict) -> str:
    return "\n".join(t for t in [article.get("headline"), *(article.get("subheadlines") or [])] if t)


def article_entities(
    article: dict, tokens: Sequence[Token] | None = None, *, is_common_word: people.CommonWordCheck | None = None
) -> list[dict]:
    """The entities of one article: the rules' findings, weighed with the trained recognizer's when the body's
    Kiwi tokens are given (``merge_recognized``); the rules alone without them."""
    found = rule_entities(article, is_common_word=is_common_word)
    if tokens is None:
        return found
    body = article.get("body") or ""
    return merge_recognized(found, recognizer.recognize(tokens, body, rule_spans(found)), body, tokens)


# A person only the model found is kept when the model is this sure of every morpheme of the name: a name with a
# title or 씨 after it, or a bare name (Kiwi tags unknown common nouns NNP too: 성어기, 원도심). Chosen by
# cross-validation and the project's own golds (README "Entities"); the environment may override them for
# measurements.
PERSON_CONFIDENCE = float(os.environ.get("SINMUN_PERSON_CONFIDENCE", "0.4"))
BARE_PERSON_CONFIDENCE = float(os.environ.get("SINMUN_BARE_PERSON_CONFIDENCE", "0.9"))
# An organization or place only the model found: this sure, and surer still when it is common nouns only (경찰 is
# an organization, 국가대표 상비군 a squad).
NAME_CONFIDENCE = float(os.environ.get("SINMUN_NAME_CONFIDENCE", "0.6"))
COMMON_NOUN_NAME_CONFIDENCE = float(os.environ.get("SINMUN_COMMON_NOUN_NAME_CONFIDENCE", "0.9"))


def merge_recognized(
    found: list[dict], recognized: Sequence[recognizer.RecognizedSpan], body: str, tokens: Sequence[Token] = ()
) -> list[dict]:
    """The rules' entities and the model's spans as one list.

    - a person the rules found is kept (its title and affiliation are the rules'), unless Kiwi reads the name as a
      verb form (``지명한 추기경``); an organization the rules found is kept;
    - a place the rules found in the gazetteer is kept; one they guessed from its ending alone (no place code) is
      kept where the model also sees a name there, or where Kiwi reads it as a compound of nouns with a proper
      noun or a second noun in it (목포문학관, 하당동): verb forms and single common words that end like a place
      (알려지면, 그러면, 배터리, 목소리) are not;
    - a span only the model found becomes an entity of its own: a person; a place (with its place code when the
      gazetteer knows it); or an organization, unless the gazetteer knows it as a place (countries and cities are
      places in sinmun, whatever role they play)."""
    model_spans = [(r.start, r.end) for r in recognized if r.kind != "PS"]
    out: list[dict] = []
    for entity in found:
        if entity["type"] == "PERSON" and tokens:
            mentions = [m for m in entity["mentions"] if not _not_a_name(m, tokens)]
            if not mentions:
                continue
            entity = {**entity, "mentions": mentions}
        if entity["type"] == "LOCATION" and entity.get("place_code") is None:
            mentions = [
                m
                for m in entity["mentions"]
                if _overlaps(m["start"], m["end"], model_spans) or _compound_name(m["start"], m["end"], tokens)
            ]
            if not mentions:
                continue
            entity = {**entity, "mentions": mentions}
        if entity["type"] == "ORG" and entity["name"] in lexicon.generic_institutions():
            entity = {**entity, "generic": True}
        out.append(entity)
    taken = [(m["start"], m["end"]) for e in out for m in e["mentions"] if m.get("field", "body") == "body"]
    by_key: dict[tuple[str, str], dict] = {}
    for start, end, kind, confidence, common_nouns_only in recognized:
        if _overlaps(start, end, taken):
            continue
        generic = kind == "OG" and body[start:end] in lexicon.generic_institutions()
        if (
            kind != "PS"
            and not generic
            and confidence < (COMMON_NOUN_NAME_CONFIDENCE if common_nouns_only else NAME_CONFIDENCE)
        ):
            continue
        title = (_title_after(body, end) or _title_before(body, start)) if kind == "PS" else None
        if kind == "PS" and (
            not _name_shaped(body[start:end]) or confidence < (PERSON_CONFIDENCE if title else BARE_PERSON_CONFIDENCE)
        ):
            continue
        text = body[start:end]
        entity_type, name, place_code = _recognized_entity(kind, text)
        entry = by_key.get((entity_type, name))
        if entry is None:
            entry = by_key[(entity_type, name)] = _new_entity(entity_type, name, place_code)
            out.append(entry)
        if title and title != "씨":
            entry["title"] = entry["title"] or title
        if generic:
            entry["generic"] = True
        entry["mentions"].append(_mention(text, start, end, title=title if title != "씨" else None))
    _later_bare_mentions(body, list(by_key.values()), taken)
    return out


def _later_bare_mentions(body: str, recognized: list[dict], taken: list[tuple[int, int]]) -> None:
    """A name the model recognised once (beside a title, in a quote's attribution, anywhere it was sure) is a
    mention wherever else the article writes it as a word of its own, though the model missed it there."""
    for entity in recognized:
        if entity["type"] == "LOCATION":
            continue
        for form in {m["text"] for m in entity["mentions"]}:
            if not _name_shaped(form):
                continue
            for start, end in people.name_occurrences(body, form, whole_word=" " not in form):
                if _overlaps(start, end, taken) or any(m["start"] == start for m in entity["mentions"]):
                    continue
                entity["mentions"].append(_mention(form, start, end))
        entity["mentions"].sort(key=lambda m: m["start"])


def _compound_name(start: int, end: int, tokens: Sequence[Token]) -> bool:
    """Kiwi reads ``text[start:end]`` as nouns only, a proper noun among them or more than one noun."""
    inside = [t for t in tokens if start <= t[0] and t[1] <= end]
    if not inside or any(not t[2].startswith(("NN", "SL", "SH", "SN", "XSN")) for t in inside):
        return False
    return len(inside) > 1 or inside[0][2] == "NNP"


def _not_a_name(mention: dict, tokens: Sequence[Token]) -> bool:
    """A body mention whose name part Kiwi reads as a verb form (``지명한`` in ``지명한 추기경``)."""
    if mention.get("field", "body") != "body":
        return False
    start = mention["start"]
    end = start + len(mention["text"])
    title = mention.get("title")
    if title and mention["text"].endswith(title) and len(mention["text"]) > len(title):
        end = start + len(mention["text"][: -len(title)].rstrip())
    return any(start <= t[0] and t[1] <= end and t[2].startswith(recognizer.VERBAL_TAG_PREFIXES) for t in tokens)


_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")


def _name_shaped(text: str) -> bool:
    """A named person has two Hangul syllables or three Latin letters at least: one character (김씨, A씨) or a
    letter with a syllable (A호, B사) is an anonymised person or a thing, not a name sinmun keeps."""
    return len(_HANGUL.findall(text)) >= 2 or len(_LATIN.findall(text)) >= 3


_NEXT_WORD = re.compile(r"\s*([^\s,.·()\"'“”‘’]+)")


def _title_after(body: str, end: int) -> str | None:
    """The title written right after a name (``교수가`` -> ``교수``; ``씨는`` -> ``씨``), or None."""
    word = _NEXT_WORD.match(body, end)
    if word is None:
        return None
    core, _particle = strip_particle(word.group(1))
    if core == "씨" or (word.start(1) == end and core.startswith("씨")):
        return "씨"
    titled = people.split_title(core)
    return titled[0] if titled else None


_PREVIOUS_WORD = re.compile(r"([^\s,.·()\"'“”‘’]+)\s+$")


def _title_before(body: str, start: int) -> str | None:
    """The title written right before a name (``국무장관 콜린 파월``), or None."""
    word = _PREVIOUS_WORD.search(body, max(0, start - 30), start)
    if word is None:
        return None
    titled = people.split_title(word.group(1))
    return titled[0] if titled else None


def _recognized_entity(kind: str, text: str) -> tuple[str, str, str | None]:
    """(entity type, canonical name, place code) of a span only the model found."""
    if kind == "PS":
        return "PERSON", text, None
    place = places.place_of_form(text)
    if place is not None:
        return "LOCATION", place.name, place.code
    if kind == "LC":
        return "LOCATION", text, None
    return "ORG", organizations.known_forms().get(text, text), None


def _new_entity(entity_type: str, name: str, place_code: str | None) -> dict:
    entity: dict = {"type": entity_type, "name": name, "title": None, "affiliation": None}
    if entity_type == "LOCATION":
        entity["place_code"] = place_code
    if entity_type == "ORG":
        entity["aliases"] = []
    entity["mentions"] = []
    return entity


def rule_spans(entities: Sequence[dict]) -> list[tuple[int, int, str]]:
    """The body spans of the rules' entities as (start, end, kind), a person's title cut off: the evidence the
    recognizer's model weighs (``sinmun.entities.recognizer``). The kind is PS, OG or LC, and LC? for a place
    guessed from its ending alone (no place code): weaker evidence than a gazetteer's."""
    out = []
    for entity in entities:
        kind = _KLUE_TYPE[entity["type"]]
        if kind == "LC" and entity.get("place_code") is None:
            kind = "LC?"
        for m in entity["mentions"]:
            if m.get("field", "body") != "body":
                continue
            end = m["end"]
            title = m.get("title")
            if title and m["text"].endswith(title) and len(m["text"]) > len(title):
                end = m["start"] + len(m["text"][: -len(title)].rstrip())
            out.append((m["start"], end, kind))
    return out


_KLUE_TYPE = {"PERSON": "PS", "ORG": "OG", "LOCATION": "LC"}


def rule_entities(article: dict, *, is_common_word: people.CommonWordCheck | None = None) -> list[dict]:
    """The entities the rules alone find in one article: people, organizations and places, one entry per
    canonical name."""
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
