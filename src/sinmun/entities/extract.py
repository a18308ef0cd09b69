"""Fill the ``entities``, ``dates``, ``amounts`` and ``quotes`` of parsed articles, a whole batch at a time.

Kiwi tokenizes every body and headline of the batch in one multi-threaded call (never
one call per sentence); its tokens tell which candidate names are ordinary dictionary
words, and give each article's search terms (``sinmun.entities.search_terms``).
The rules themselves (``people``, ``organizations``, ``places``, ``dates``,
``amounts``, ``quotes``) are plain functions over text, testable without Kiwi.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import NamedTuple

from sinmun.entities import amounts, dates, lexicon, organizations, people, places, quotes, recognizer, suffix_places
from sinmun.entities.lexicon import org_ending, strip_particle
from sinmun.entities.search_terms import ArticleTerms, Token, article_terms
from sinmun.morphology import text_pieces

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
    headline of the batch. A body longer than ``ENTITY_WINDOW_PIECES`` of Kiwi's pieces is read for entities a
    window at a time (``body_windows``), each as soon as its tokens come, so the rules and the recognizer work on
    one window while Kiwi (in a process of its own: ``sinmun.morphology.start_kiwi_process``) tokenizes the next;
    its tokens and search terms are those of the whole body."""
    bodies = [a.get("body") or "" for a in articles]
    headlines = [_headline_text(a) for a in articles]
    windows = [body_windows(body) if body else [] for body in bodies]
    # Kiwi tokenizes ahead (in its own process) while the rules run over each window as soon as its tokens arrive.
    # Each article's headline goes just before its body: Kiwi's work on the headlines is spread over the batch,
    # beside the rules', and none of it is left for the end.
    token_lists = iter(tokenizer(_texts_in_reading_order(headlines, windows)))
    reading = {i for i, body in enumerate(bodies) if body and articles[i].get("kind") != "ad"}
    for i in sorted(reading):  # dates and amounts need no tokens: found while Kiwi's threads are at work
        articles[i]["dates"] = [d.to_dict() for d in dates.find_dates(bodies[i], published[i])]
        articles[i]["amounts"] = [a.to_dict() for a in amounts.find_amounts(bodies[i])]
    terms: list[ArticleTerms] = []
    for i, article in enumerate(articles):
        headline_tokens = next(token_lists) if headlines[i] else []
        found: list[tuple[int, list[dict]]] = []
        body_tokens: list[Token] = []
        for offset, text in windows[i]:
            # Each window is read as soon as its tokens come, while Kiwi (in a process of its own, when it runs
            # there: ``sinmun.morphology``) tokenizes the next ones.
            tokens = next(token_lists)
            if i in reading:
                found.append((offset, _tokenized_entities({**article, "body": text}, tokens)))
            if len(windows[i]) == 1:
                body_tokens = tokens
            else:  # the whole body's tokens, at their offsets in it: built as the windows come, not after the last
                body_tokens.extend((s + offset, e + offset, tag, form) for s, e, tag, form in tokens)
        if i in reading:
            article["entities"] = found[0][1] if len(found) == 1 else joined_windows(found)
            quoted = quotes.read_quotes(bodies[i], article["entities"], body_tokens)
            article["quotes"] = [q.to_dict() for q in quoted.quotes]
            article["entities"].extend(quoted.speakers_added)  # speakers the recognizer missed
        terms.append(article_terms(body_tokens, headline_tokens))
    if next(token_lists, None) is not None:
        raise ValueError("the tokenizer returned more token lists than texts")
    return terms


def _texts_in_reading_order(headlines: Sequence[str], windows: Sequence[list[tuple[int, str]]]) -> list[str]:
    """The texts of a batch in the order ``extract_batch`` reads their tokens: each article's headline (when it has
    one), then its body's windows."""
    texts: list[str] = []
    for headline, body in zip(headlines, windows, strict=True):
        if headline:
            texts.append(headline)
        texts.extend(text for _, text in body)
    return texts


def _tokenized_entities(article: dict, tokens: list[Token]) -> list[dict]:
    common = {(s, e) for s, e, tag, _form in tokens if tag in COMMON_TAGS}
    return article_entities(article, tokens, is_common_word=lambda s, e: (s, e) in common)


# A body of more than this many of Kiwi's pieces (``sinmun.morphology.text_pieces``, 4,000 characters at most, cut
# after a sentence end) is read for entities in windows of this many pieces: no article is that long (20,000
# characters; the longest of the project's golds has 1,534), so only a page without paragraph breaks, read as one
# body, is: its entities are the windows' together.
ENTITY_WINDOW_PIECES = 5


def body_windows(body: str) -> list[tuple[int, str]]:
    """(offset, text) of the windows a body is read in for entities: the whole body, or for a body of more than
    ``ENTITY_WINDOW_PIECES`` pieces, runs of that many pieces. A window starts where a piece starts, so Kiwi cuts
    it into the same pieces as the whole body, and its tokens are the whole body's."""
    pieces = text_pieces(body)
    if len(pieces) <= ENTITY_WINDOW_PIECES:
        return [(0, body)]
    runs = [pieces[k : k + ENTITY_WINDOW_PIECES] for k in range(0, len(pieces), ENTITY_WINDOW_PIECES)]
    return [(run[0][0], body[run[0][0] : run[-1][0] + len(run[-1][1])]) for run in runs]


def joined_windows(windows: Sequence[tuple[int, list[dict]]]) -> list[dict]:
    """The entities of a body read in windows (``body_windows``): the windows' entities of one type and name (and
    place code) as one entity, in order of first appearance, body mentions at their offsets in the whole body;
    the first title and affiliation found; aliases of every window; generic when any window says so.
    A mention outside the body (a headline's) is the same in every window and is kept once."""
    joined: dict[tuple, dict] = {}
    for offset, entities in windows:
        for entity in entities:
            mentions = [
                {**m, "start": m["start"] + offset, "end": m["end"] + offset} if m.get("field", "body") == "body" else m
                for m in entity["mentions"]
            ]
            key = (entity["type"], entity["name"], entity.get("place_code"))
            entry = joined.get(key)
            if entry is None:
                joined[key] = {**entity, "mentions": mentions}
                continue
            for name in ("title", "affiliation"):
                entry[name] = entry[name] or entity[name]
            if "aliases" in entry:
                entry["aliases"] = list(dict.fromkeys([*entry["aliases"], *entity["aliases"]]))
            if entity.get("generic"):
                entry["generic"] = True
            entry["mentions"].extend(
                m for m in mentions if m.get("field", "body") == "body" or m not in entry["mentions"]
            )
    return list(joined.values())


def _headline_text(article: dict) -> str:
    return "\n".join(t for t in [article.get("headline"), *(article.get("subheadlines") or [])] if t)


def article_entities(
    article: dict, tokens: Sequence[Token] | None = None, *, is_common_word: people.CommonWordCheck | None = None
) -> list[dict]:
    """The entities of one article: the rules' findings, weighed with the trained recognizer's when the body's
    Kiwi tokens are given (``merge_recognized``); the rules alone without them."""
    found = rule_entities(article, is_common_word=is_common_word)
    body = article.get("body") or ""
    if tokens is None:
        return _mentions_read_in_their_context([e for e in found if not _surname_reference(e)], body)
    merged = merge_recognized(found, recognizer.recognize(tokens, body, rule_spans(found)), body, tokens)
    return _mentions_read_in_their_context(merged, body)


def _mentions_read_in_their_context(entities: list[dict], body: str) -> list[dict]:
    """The entities with what the words around their mentions say: an organization written as a place is a place,
    an address is one mention of each division in it, a unit written after its organization one mention of both."""
    read = _organizations_named_as_places(entities, body)
    return _joined_units(_joined_place_chains(read, body), body)


# Organizations that are also buildings people go to (a hotel, a hospital, a museum, a hall): written as where
# something happens (``신라호텔에서 열렸다``) or where someone is taken (``녹색병원으로 이송됐다``), the word names the
# venue, a place.
_VENUE_ENDINGS = (
    "호텔",
    "리조트",
    "병원",
    "의료원",
    "미술관",
    "박물관",
    "도서관",
    "회관",
    "극장",
    "아트홀",
    "컨벤션센터",
)
_WHERE_AFTER = re.compile(r"(?:에서(?![가-힣])|(?:으로|로) (?:이송|옮겨|후송))")
# Words written after an organization's name, one space on, that make the words a place: where something is by it
# (``백악관 인근``, ``대구지검 앞``), and the building or room of it (``대구지검 청사``, ``분당제생병원 장례식장``).
_NEAR = frozenset("인근 앞 주변 근처 일대 부근 옆 건너편 맞은편".split())
_PREMISES = frozenset(
    """
    청사 별관 본관 신관 응급실 장례식장 의사당 체육관 강당 캠퍼스 정문 후문 운동장 주차장 로비 병동 중환자실
    영안실 빈소 분향소
    """.split()
)
_NUMBERED_PREMISES = re.compile(r"제\d{1,2}(?:별관|청사|공장)")
_FOLLOWING_WORD = re.compile(r" ([가-힣0-9]+)")
_VISIT_AFTER = re.compile(r"(?:을|를) 방문")
_EVENT_HELD_AFTER = re.compile(r"에서 (?:열리|열린|열렸|열릴|개최|진행)")
# Inside a building (``마우나오션리조트 내``, ``스탠퍼드대학 내에``): a place where the organization is a building people
# go to; inside a party or a company (``민주당 내``) it is the body's own members.
_INSIDE = frozenset({"내", "안"})
_CAMPUS_ENDINGS = ("대학", "대학교")


_NOUN_AND_PARTICLES = re.compile(
    r"([가-힣0-9]+?)(?:에서는|에서|에는|에선|에도|에|으로|로|을|를|의|은|는|이|가|과|와|도|까지)?"
)


def _without_particles(word: str) -> str:
    """The noun of a word, its particles taken off (``앞에서`` -> ``앞``, ``청사에`` -> ``청사``)."""
    m = _NOUN_AND_PARTICLES.fullmatch(word)
    return m.group(1) if m else word


def _organizations_named_as_places(entities: list[dict], body: str) -> list[dict]:
    """Each organization's mention that the words around it make a place's (``_place_named_by``) is a mention of
    that place, a LOCATION with no place code, one per name however many rules named it; the organization keeps
    its other mentions (``서울대병원은 밝혔다``), and one none of whose mentions are left is gone."""
    out: list[dict] = []
    places_by_name: dict[str, dict] = {}
    for e in entities:
        if e["type"] != "ORG" or e.get("generic"):
            out.append(e)
            continue
        stays = []
        for m in e["mentions"]:
            named = _place_named_by(e["name"], m, body) if m.get("field", "body") == "body" else None
            if named is None:
                stays.append(m)
                continue
            name, mention = named
            place = places_by_name.get(name)
            if place is None:
                place = places_by_name[name] = _new_entity("LOCATION", name, None)
                out.append(place)
            place["mentions"].append(mention)
        if stays:
            out.append({**e, "mentions": stays})
    return out


def _place_named_by(org_name: str, m: dict, body: str) -> tuple[str, dict] | None:
    """(the place's name, its mention) when the organization's mention ``m`` names a place, else None:

    - a venue, the building where something happens or someone is taken (``신라호텔에서``, ``녹색병원으로 이송``),
      for organizations that are buildings people go to;
    - its building or a room of it written after its name, a place named by those words (``대구지검 청사``,
      ``수원지방법원 제3별관``, ``분당제생병원 장례식장``);
    - a place by it (``백악관 인근``, ``홍익대학교 앞``), the inside of a building (``마우나오션리조트 내``), a visit
      to it (``의정부경찰서를 방문``) or an event held there (``한국철도공사에서 열린 국정감사``): the place of the
      organization's name.

    A generic institution (``경찰 앞에서``: before the police) and a body's inside (``민주당 내``: its members) are
    no place."""
    if org_name.endswith(_VENUE_ENDINGS) and _WHERE_AFTER.match(body, m["end"]):
        return org_name, m
    if org_name in lexicon.generic_institutions():
        return None
    word = _FOLLOWING_WORD.match(body, m["end"])
    core = _without_particles(word.group(1)) if word else ""
    if core in _PREMISES or _NUMBERED_PREMISES.fullmatch(core):
        end = m["end"] + 1 + len(core)
        return body[m["start"] : end], _mention(body[m["start"] : end], m["start"], end)
    if (
        (core in _NEAR and not word.group(1).startswith("앞으로"))
        or (core in _INSIDE and org_name.endswith(_VENUE_ENDINGS + _CAMPUS_ENDINGS))
        or _VISIT_AFTER.match(body, m["end"])
        or _EVENT_HELD_AFTER.match(body, m["end"])
    ):
        return org_name, m
    return None


# A person only the model found is kept when the model is this sure of every morpheme of the name: a name with a
# title or 씨 after it, or a bare name (Kiwi tags unknown common nouns NNP too: 성어기, 원도심). Chosen by
# cross-validation and the project's own golds (README "Entities"); the environment may override them for
# measurements.
PERSON_CONFIDENCE = float(os.environ.get("SINMUN_PERSON_CONFIDENCE", "0.4"))
BARE_PERSON_CONFIDENCE = float(os.environ.get("SINMUN_BARE_PERSON_CONFIDENCE", "0.9"))
# A bare name that is the subject of a verb of speech (``_person_confidence_needed``).
SPEAKER_PERSON_CONFIDENCE = float(os.environ.get("SINMUN_SPEAKER_PERSON_CONFIDENCE", "0.7"))
# A bare name closed by a particle (``_person_confidence_needed``): shaped like a Korean name, or written in two
# words or more.
PARTICLE_PERSON_CONFIDENCE = float(os.environ.get("SINMUN_PARTICLE_PERSON_CONFIDENCE", "0.5"))
WORDS_PERSON_CONFIDENCE = float(os.environ.get("SINMUN_WORDS_PERSON_CONFIDENCE", "0.6"))
# A surname written as a short reference (``김 전 위원장``, ``허 씨``, ``A 교수``) that no person of the article
# carries: kept as a person of its own when the model reads the surname as a person's this surely.
SHORT_REFERENCE_CONFIDENCE = float(os.environ.get("SINMUN_SHORT_REFERENCE_CONFIDENCE", "0.9"))
# An organization or place only the model found: this sure, and surer still when it is common nouns only (경찰 is
# an organization, 국가대표 상비군 a squad). A place needs less than an organization: below 0.6 the
# cross-validated place precision holds while organizations lose precision as fast as they gain recall.
NAME_CONFIDENCE = float(os.environ.get("SINMUN_NAME_CONFIDENCE", "0.6"))
PLACE_NAME_CONFIDENCE = float(os.environ.get("SINMUN_PLACE_NAME_CONFIDENCE", "0.5"))
COMMON_NOUN_NAME_CONFIDENCE = float(os.environ.get("SINMUN_COMMON_NOUN_NAME_CONFIDENCE", "0.9"))
# An organization only the model found with a word after it that only a body takes (``_name_confidence_needed``).
CUED_NAME_CONFIDENCE = float(os.environ.get("SINMUN_CUED_NAME_CONFIDENCE", "0.45"))


def merge_recognized(
    found: list[dict], recognized: Sequence[recognizer.RecognizedSpan], body: str, tokens: Sequence[Token] = ()
) -> list[dict]:
    """The rules' entities and the model's spans as one list.

    - a person the rules found is kept (its title and affiliation are the rules'), unless Kiwi reads the name as a
      verb form (``지명한 추기경``); an organization the rules found is kept;
    - a place the rules found in the gazetteer is kept; one they guessed from its ending alone (no place code) is
      kept where the model also sees a name there, or where Kiwi reads it as a compound of nouns with a proper
      noun or a second noun in it (목포문학관, 하당동): verb forms and single common words that end like a place
      (알려지면, 그러면, 배터리, 목소리) are not, nor a word inside a longer person's name the model found
      (이쓰노리 in 오노데라 이쓰노리 방위상: a name ending like a place), nor common nouns whose last one holds the
      place's one-syllable ending (서명+운동, 사고+지역, 유기+징역: ``suffix_places.common_noun_ending``);
    - a person the rules found without a title takes the title written beside one of its mentions (``이명박 전
      대통령``, ``제임스 코미 연방수사국(FBI) 국장``);
    - a span only the model found becomes an entity of its own: a person; a place (with its place code when the
      gazetteer knows it); or an organization, unless the gazetteer knows it as a place (countries and cities are
      places in sinmun, whatever role they play)."""
    recognized = _names_in_two_words(recognized, body)
    model_spans = [(r.start, r.end) for r in recognized if r.kind != "PS"]
    body_tokens = TokensByStart(tokens)
    model_people = [(r.start, r.end) for r in recognized if r.kind == "PS" and r.confidence >= PERSON_CONFIDENCE]
    sure_people = [
        (r.start, r.end) for r in recognized if r.kind == "PS" and r.confidence >= SHORT_REFERENCE_CONFIDENCE
    ]
    # the model's people as names, a title it drew into the span cut off, in order
    model_names = sorted((s, s + len(_trailing_title(body[s:e])[0])) for s, e in model_people)
    common_abbreviations = _abbreviations_of_common_words(body, body_tokens)
    out: list[dict] = []
    described: list[tuple[int, int]] = []  # words the rules read as an organization that describe a kind of body
    for entity in found:
        if entity["type"] == "PERSON" and tokens:
            mentions = [m for m in entity["mentions"] if not _not_a_name(m, body_tokens)]
            if not mentions:
                continue
            entity = {**entity, "mentions": mentions}
        if entity["type"] == "PERSON" and not entity.get("anonymous"):
            entity = _widened_to_the_models_name(entity, model_names, body)
        if entity["type"] == "PERSON" and not entity["title"] and not entity.get("anonymous"):
            entity = {**entity, "title": _title_beside(body, entity["mentions"])}
        if entity["type"] == "LOCATION" and entity.get("place_code") is None:
            mentions = [
                m
                for m in entity["mentions"]
                if (_overlaps(m["start"], m["end"], model_spans) or _compound_name(m["start"], m["end"], body_tokens))
                and not _inside_longer(m["start"], m["end"], model_people)
                and not _overlaps(m["start"], m["end"], sure_people)
                and not suffix_places.common_noun_ending(body_tokens.within(m["start"], m["end"]))
            ]
            if not mentions:
                continue
            entity = {**entity, "mentions": mentions}
        if (
            entity["type"] == "ORG"
            and tokens
            and entity["name"] not in recognizer.organization_or_place_forms()
            and entity["name"] not in lexicon.generic_institutions()
        ):
            descriptions = [
                (m["start"], m["end"])
                for m in entity["mentions"]
                if m.get("field", "body") == "body" and _description_of_a_kind(body, m["start"], m["end"], body_tokens)
            ]
            described.extend(descriptions)
            mentions = [
                m
                for m in entity["mentions"]
                if m.get("field", "body") != "body"
                or (
                    (
                        _overlaps(m["start"], m["end"], model_spans)
                        or not organizations.descriptive_compound(body_tokens.within(m["start"], m["end"]))
                    )
                    and (m["start"], m["end"]) not in descriptions
                )
            ]
            if not mentions:
                continue
            entity = {**entity, "mentions": mentions}
        if entity["type"] == "ORG" and entity["name"] in lexicon.generic_institutions():
            entity = {**entity, "generic": True}
        out.append(entity)
    sure_surnames = [
        (r.start, r.end) for r in recognized if r.kind == "PS" and r.confidence >= SHORT_REFERENCE_CONFIDENCE
    ]
    for entity in out:
        if _surname_reference(entity) and any(
            _overlaps(m["start"], m["start"] + 1, sure_surnames) for m in entity["mentions"]
        ):
            entity["model_agrees"] = True
    taken = [(m["start"], m["end"]) for e in out for m in e["mentions"] if m.get("field", "body") == "body"]
    taken.extend(described)
    by_key: dict[tuple[str, str], dict] = {}
    for start, end, kind, confidence, common_nouns_only in recognized:
        if _overlaps(start, end, taken):
            continue
        if kind == "LC" and suffix_places.common_noun_ending(body_tokens.within(start, end)):
            continue  # 서명운동, 사고지역: common nouns, whatever the model says
        generic = kind == "OG" and body[start:end] in lexicon.generic_institutions()
        if kind != "PS" and not generic and confidence < _name_confidence_needed(kind, common_nouns_only, body, end):
            continue
        if kind == "OG" and not generic and _description_of_a_kind(body, start, end, body_tokens):
            continue
        if kind == "OG" and body[start:end] in common_abbreviations:
            continue
        title = None
        if kind == "PS":
            start = _without_a_class_before(body, start, end)
            end = _whole_korean_name(body, start, end, confidence)
            text, title_in_span = _trailing_title(body[start:end])
            end = start + len(text)
            if not _name_shaped(text):
                reference = _short_reference(body, start, end) if confidence >= SHORT_REFERENCE_CONFIDENCE else None
                if reference is not None and not _overlaps(start, reference.end, taken):
                    out.append(reference.entity(body, start))
                    taken.append((start, reference.end))
                continue
            title = title_in_span or _title_after(body, end) or _title_before(body, start)
            if (
                not _name_shaped(text)
                or text in organizations.known_forms()  # 노동당 행정부장: the organization the office belongs to
                or _institution_last(text)  # 미 중앙정보국: a country's agency
                or _derived_noun(body_tokens.within(start, end))
                or confidence < _person_confidence_needed(body, start, end, title)
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
    return _resolve_short_forms(out)


# A bare name the press marks as the deceased's (``고(故) 김철수``, ``故 김철수``, ``고 김철수``): as good as a title.
_DECEASED_BEFORE = re.compile(r"(?:^|[\s(\[])(?:고\s?\(故\)|故|고)\s?$")
# A bare name that is the subject of a verb of speech in its sentence (``버는 "…"이라고 일축했고``, ``이낙연은 …라고
# 말했다``): the sentence says a person spoke.
_SUBJECT_PARTICLE_AFTER = re.compile(r"(?:은|는|이|가)(?=[\s,])")
_SPEECH_VERB = re.compile(
    r"(?:말|밝|주장|강조|일축|설명|비판|지적|전|덧붙|답|반박|언급|촉구|호소|토로|털어놓|비난|반문|당부)(?:했|혔|였|놨)"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
# A bare name with an age in brackets after it (``두더웨이(50)``, ``김민수(31·회사원)``): the press writes ages of
# people only.
_AGE_AFTER = re.compile(r"\(\d{1,3}(?:세)?[)·,.]")
# A bare name that a particle or a list's comma closes (``최민호는``, ``박은지와``, ``윤서진,``, ``닉 부이치치는``): the
# word is a whole noun phrase of its own, not the first part of a compound (``리히터 규모``, ``김용균법``); with a
# name's shape (``_full_korean_name``, ``_name_in_words``) it needs less of the model.
_PARTICLE_OR_MARK_AFTER = re.compile(r"(?:은|는|이|가|을|를|의|에게|와|과|도|만|,|\))(?=[\s,.]|$)")


_HANGUL_WORDS = re.compile(r"[가-힣]+(?: [가-힣]+)+")
# A school by its short name (영해고, 광주대, 새솔중, 북초): an affiliation before a title, no part of a name.
_SCHOOL = re.compile(r"[가-힣]{1,6}(?:고|중|대|초)")


def _widened_to_the_models_name(entity: dict, model_names: list[tuple[int, int]], body: str) -> dict:
    """A person the rules found by one word of a name written in two or more (``신조`` of ``아베 신조 일본 총리``,
    ``기시다`` of ``기시다 후미오 외무상``, the word beside the title) is named by the model's longer span over it,
    when that span is Hangul words only: the whole name, the title what follows it. A word the rules read as an
    affiliation stays one: a school (``정동수 영해고 감독``, ``김민수 광주대 교수``), an organization or place."""
    widened = []
    for m in entity["mentions"]:
        # the model's spans do not overlap: the one starting last at or before the mention is the only candidate
        i = bisect_right(model_names, (m["start"], len(body))) - 1
        start, end = model_names[i] if i >= 0 else (0, 0)
        if (
            m.get("field", "body") != "body"
            or not (start <= m["start"] and m["end"] <= end and end - start > m["end"] - m["start"])
            or not _HANGUL_WORDS.fullmatch(body[start:end])
        ):
            widened.append(m)
            continue
        title = m.get("title")
        added_after = body[m["end"] : end].strip()
        if any(_SCHOOL.fullmatch(word) or _affiliation_word(word) for word in added_after.split()):
            widened.append(m)
            continue
        if title and added_after and title.startswith(added_after):
            title = title[len(added_after) :].strip() or None
        widened.append(_mention(body[start:end], start, end, title=title))
    if widened == entity["mentions"]:
        return entity
    first = next(m for m in widened if m.get("field", "body") == "body")
    title = entity["title"]
    added = first["text"].split(" ")
    if title and title.split(" ")[0] in added[1:]:
        title = first.get("title") or title
    return {**entity, "name": first["text"], "title": title, "mentions": widened}


def _names_in_two_words(recognized: Sequence[recognizer.RecognizedSpan], body: str) -> list[recognizer.RecognizedSpan]:
    """Two people the model found one space apart are one person written in two words (``기시다 후미오``, ``아베
    신조``, ``이방카 트럼프``: a family and a given name the model labelled as two names)."""
    out: list[recognizer.RecognizedSpan] = []
    for span in sorted(recognized):
        last = out[-1] if out else None
        if last is not None and last.kind == span.kind == "PS" and body[last.end : span.start] == " ":
            out[-1] = recognizer.RecognizedSpan(last.start, span.end, "PS", min(last.confidence, span.confidence))
        else:
            out.append(span)
    return out


# A class, rank or grade written before a name (태백급 양태준, 장관급 인사, 3급 공무원): no word of the name.
_CLASS_WORD = re.compile(r"[가-힣0-9]{1,4}급 ")


def _without_a_class_before(body: str, start: int, end: int) -> int:
    """The start of the model's person span past a class word it drew in (``태백급 양태준`` -> ``양태준``)."""
    m = _CLASS_WORD.match(body, start)
    return m.end() if m is not None and m.end() < end else start


_HANGUL_RUN = re.compile(r"[가-힣]+")
# What follows a surname in a word that is no given name: an honorific or 모 ("a certain"), 씨 with a particle.
_NO_GIVEN_NAME = ("씨", "군", "양", "모", "옹")


def _whole_korean_name(body: str, start: int, end: int, confidence: float) -> int:
    """The end of the name the model marked by its surname alone, surely (``김`` of ``김중겸 전 사장``, ``황`` of
    ``황수정은``: Kiwi cut the word inside the name, and the model's span stops at the cut): the surname and the one
    or two syllables after it in the same word, a particle cut off, when they make a Korean name (not ``김씨``,
    ``박모``). Any other span is left as it is."""
    if (
        end - start != 1
        or confidence < SHORT_REFERENCE_CONFIDENCE
        or body[start:end] not in lexicon.surnames()
        or (start and _HANGUL.match(body, start - 1))
    ):
        return end
    word = _HANGUL_RUN.match(body, start)
    whole = word.group() if word else ""
    core = whole if len(whole) in (2, 3) and lexicon.is_korean_name(whole) else strip_particle(whole)[0]
    if len(core) not in (2, 3) or core[1:].startswith(_NO_GIVEN_NAME) or not lexicon.is_korean_name(core):
        return end
    return start + len(core)


def _institution_last(text: str) -> bool:
    """A name in several words whose last word is an institution's (``미 중앙정보국``, ``부산 소방본부``): an
    organization, no person."""
    words = text.split()
    if len(words) < 2:
        return False
    last = words[-1]
    return last in lexicon.national_institutions() or last in lexicon.generic_institutions() or bool(org_ending(last))


def _derived_noun(tokens: Sequence[Token]) -> bool:
    """A word Kiwi reads as a noun with a derivational suffix (우경+화, 합리+성, 민족+주의): a common noun, no name."""
    return bool(tokens) and tokens[-1][2] == "XSN"


def _name_confidence_needed(kind: str, common_nouns_only: bool, body: str, end: int) -> float:
    """How sure the model must be of an organization (OG) or a place (LC) it alone found: an organization less
    with a word after it that only a body takes (``한국갤럽에 따르면``, ``마니사 지방정부 관계자``)."""
    if common_nouns_only:
        return COMMON_NOUN_NAME_CONFIDENCE
    if kind == "LC":
        return PLACE_NAME_CONFIDENCE
    return CUED_NAME_CONFIDENCE if _ORGANIZATION_CUE_AFTER.match(body, end) else NAME_CONFIDENCE


# What follows the name of a body, not of a person or a place: its spokespeople (``관계자``, ``대변인``), its side
# (``측은``), or the report it is the source of (``에 따르면``).
_ORGANIZATION_CUE_AFTER = re.compile(r" ?(?:관계자|대변인|측(?:은|이|에|의|과|도))|에 따르면")


def _person_confidence_needed(body: str, start: int, end: int, title: str | None) -> float:
    """How sure the model must be of a person it alone found: less with a title or 씨 beside the name, a mark of
    the deceased before it or an age after it; somewhat less when the name is the subject of a verb of speech, or a
    Korean-shaped name closed by a particle; most when bare."""
    if (
        title
        or _DECEASED_BEFORE.search(body, max(0, start - 6), start)
        or _AGE_AFTER.match(body, end)
        or _listed_before_a_shared_title(body, end)
    ):
        return PERSON_CONFIDENCE
    if _SUBJECT_PARTICLE_AFTER.match(body, end) and not _inside_quotation(body, start):
        sentence_end = _SENTENCE_END.search(body, end)
        if _SPEECH_VERB.search(body, end, sentence_end.end() if sentence_end else len(body)):
            return SPEAKER_PERSON_CONFIDENCE
    if _PARTICLE_OR_MARK_AFTER.match(body, end) and not _inside_quotation(body, start):
        if _full_korean_name(body[start:end]):
            return PARTICLE_PERSON_CONFIDENCE
        if _name_in_words(body[start:end]):
            return WORDS_PERSON_CONFIDENCE
    return BARE_PERSON_CONFIDENCE


# A list's item: one Hangul word or two (``서도린``, ``금강급 서해린``).
_LIST_ITEM = re.compile(r"[가-힣]+(?: [가-힣]+)?")


def _listed_before_a_shared_title(body: str, end: int) -> bool:
    """The name ending at ``end`` is an item of a comma list of names the title after the last one is shared by
    (``양태준, 서도린, 정우람 선수가``, ``김민, 이수, 박현 의원은``): each is as good as titled."""
    if not body.startswith(",", end):
        return False
    *items, last = body[end + 1 : end + 80].split(",", 5)[:5]
    if not all(_LIST_ITEM.fullmatch(item.strip()) for item in items):
        return False
    words = last.split()
    # the last item's one or two words, then the shared title (with its particle)
    return any(len(words) > k and lexicon.strip_particle(words[k])[0] in lexicon.title_words() for k in (1, 2))


def _full_korean_name(text: str) -> bool:
    """A surname and a given name of two syllables (``최민호``, ``남궁민서``), and no place or organization a lexicon
    knows: two syllables are as often a place or a word as a name (신안, 남도)."""
    return len(text) >= 3 and lexicon.is_korean_name(text) and text not in recognizer.organization_or_place_forms()


def _name_in_words(text: str) -> bool:
    """A name written in two or more Hangul words (``오사마 빈 라덴``, ``닉 부이치치``: a foreign given and family name),
    and no place or organization a lexicon knows."""
    return bool(_HANGUL_WORDS.fullmatch(text)) and text not in recognizer.organization_or_place_forms()


def _inside_quotation(body: str, start: int) -> bool:
    """``start`` lies inside a quotation opened earlier on its line (``"…원도심은 …"고 말했다``: the quote's words
    are no subject of the verb that reports them)."""
    before = body[body.rfind("\n", 0, start) + 1 : start]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _title_beside(body: str, mentions: Sequence[dict]) -> str | None:
    """The first title written after or before one of a person's body mentions, or None (``씨`` is no title)."""
    for m in mentions:
        if m.get("field", "body") != "body":
            continue
        title = _title_after(body, m["end"]) or _title_before(body, m["start"])
        if title and title != "씨":
            return title
    return None


def _resolve_short_forms(entities: list[dict]) -> list[dict]:
    """A short reference (``윤 해설위원``, ``허 씨``) is a mention of the article's named person of that surname: the
    one whose title ends with that title, or the only one of that surname. Unresolved, it is a person of this
    article the article names only by surname, kept as an anonymous person when the model reads the surname as a
    person's (``model_agrees``), dropped otherwise (``이 주장은``: this claim, not a captain)."""
    named = [e for e in entities if e["type"] == "PERSON" and not e.get("anonymous")]
    out = []
    for entity in entities:
        if _surname_reference(entity):
            surname = entity.pop("short_reference", None) or entity["name"].partition(" ")[0]
            title = entity["mentions"][0].get("title") or ""
            same = [e for e in named if e["name"].startswith(surname) and " " not in e["name"]]
            titled = [e for e in same if title and e["title"] and people.title_matches(e["title"], title)]
            target = titled[0] if len(titled) == 1 else same[0] if len(same) == 1 else None
            if target is not None:
                target["mentions"] = sorted(target["mentions"] + entity["mentions"], key=lambda m: m["start"])
                continue
            if not entity.pop("model_agrees", False) or (title and surname in _NUMERALS_BEFORE_TITLE):
                continue
        out.append(entity)
    return out


def _surname_reference(entity: dict) -> bool:
    """``김 의원`` the rules could not resolve to a person they found (anonymous, with a space in its name), or a
    short reference the model found (``short_reference``: ``허 씨``); an anonymised person (``A씨``, ``김모씨``) is
    neither."""
    return (
        entity["type"] == "PERSON"
        and bool(entity.get("anonymous"))
        and (" " in entity["name"] or "short_reference" in entity)
    )


# A surname that is also a numeral before a title (한 의원: one lawmaker): a short reference only to a person of
# that surname the article names (한 총리 after 한덕수 총리), never a person of its own; before 씨 it is a surname.
_NUMERALS_BEFORE_TITLE = frozenset({"한"})
_QUALIFIED_TITLE = re.compile(r"(?P<qualifier>(?:전|현|前|現)\s)?(?P<word>[^\s,.·()\"'“”‘’]+)")
_HONORIFIC = re.compile(r"\s?(?P<honorific>씨|군|양)(?=[\s,.·)\"'”’]|$|" + lexicon.PARTICLE_RE + r"(?![가-힣]))")


class _ShortReference(NamedTuple):
    end: int  # where the reference ends: after its title or honorific
    title: str  # as written: ``전 위원장``, ``씨``
    honorific: bool

    def entity(self, body: str, start: int) -> dict:
        """A person of this article named only by surname (``김 전 위원장``, ``허씨``), for ``_resolve_short_forms``
        to link to the article's named person of that surname; anonymous when there is none."""
        surname = body[start]
        name = f"{surname}{self.title}" if self.honorific else f"{surname} {self.title}"
        title = None if self.honorific else self.title  # an honorific is no title (``허 씨``, as ``A씨``)
        entity = {**_new_entity("PERSON", name, None), "anonymous": True, "short_reference": surname}
        entity["title"] = title
        entity["model_agrees"] = True
        entity["mentions"].append(_mention(body[start : self.end], start, self.end, title=title))
        return entity


def _short_reference(body: str, start: int, end: int) -> _ShortReference | None:
    """``body[start:end]``, a one-syllable surname (or a capital letter) the model read as a person, written as a
    short reference: a title after it, an office qualifier between (``김 전 위원장``), or 씨, 군 or 양 (``허 씨``,
    ``박씨는``). None otherwise."""
    written = body[start:end]
    if not (written in lexicon.surnames() or ("A" <= written <= "Z")):
        return None
    if start and not (body[start - 1].isspace() or body[start - 1] in _OPENING_MARKS + "(·,"):
        return None
    honorific = _HONORIFIC.match(body, end)
    if honorific and written in people.DETERMINERS_BEFORE_HONORIFIC:
        return None
    if honorific and not (
        written == "이" and honorific["honorific"] == "군" and body[end] == " "
    ):  # 이 군: this county
        return _ShortReference(honorific.end("honorific"), honorific["honorific"], True)
    if written in people.DETERMINERS_BEFORE_TITLE:
        return None
    if end >= len(body) or body[end] != " ":
        return None
    phrase = _QUALIFIED_TITLE.match(body, end + 1)
    if phrase is None:
        return None
    core, _particle = strip_particle(phrase["word"].rstrip(_BOUNDARY_MARKS + _CLOSING_MARKS))
    title_word = split_title_or_none(core) if core else None
    if title_word is None:
        return None
    title_end = phrase.start("word") + len(title_word)
    return _ShortReference(title_end, body[end + 1 : title_end], False)


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


# Determiners that make the noun after them a description (``한 면사무소``: a township office; ``각 시·도교육청``).
_DETERMINER_BEFORE = re.compile(r"(?:^|[\s(])(?:한|각|모든|여러|어느|해당|일부|다른|이런|그런|이|그|저)\s$")
_NAME_TAGS = frozenset({"NNP", "SL", "SH"})
_COMMON_NOUN_WORD_PARTS = frozenset({"NNG", "XPN", "XSN", "SP"})
_QUOTE_AFTER = re.compile(r"\s['‘\"“「『<《]")


def _description_of_a_kind(body: str, start: int, end: int, tokens: TokensByStart) -> bool:
    """The words at ``start:end`` are common nouns only that describe a kind of body, not a body's name: a
    determiner before them (``한 면사무소``, ``각 시·도교육청``, ``모든 지방경찰청``) or a name after them that they
    describe (``저비용항공사 제주항공``, ``국제여성인권단체 페멘``, ``걸그룹 '여자친구'``)."""
    if not _common_nouns_only(tokens.within(start, end)):
        return False
    if _DETERMINER_BEFORE.search(body, max(0, start - 4), start):
        return True
    if _QUOTE_AFTER.match(body, end):
        return True
    after = tokens.within(end + 1, min(len(body), end + 40))
    return bool(after) and after[0][0] == end + 1 and body[end] == " " and after[0][2] in _NAME_TAGS


def _common_nouns_only(words: Sequence[Token]) -> bool:
    """Kiwi read the words as common nouns only (with their prefixes, suffixes and list marks)."""
    return bool(words) and all(tag in _COMMON_NOUN_WORD_PARTS for _s, _e, tag, _f in words)


_ABBREVIATION = r"[A-Z][A-Za-z0-9&]{1,9}"
_WORDS_THEN_ABBREVIATION = re.compile(r"([가-힣]+)\((" + _ABBREVIATION + r")\)")
_ABBREVIATION_THEN_WORDS = re.compile(r"(?<![A-Za-z0-9])(" + _ABBREVIATION + r")\(([가-힣]+(?: [가-힣]+)*)\)")


def _abbreviations_of_common_words(body: str, tokens: TokensByStart) -> set[str]:
    """Abbreviations the text spells out in common nouns that end like no organization: ``자유무역협정(FTA)``,
    ``주당순자산가치(BPS)``, ``VR(가상현실)``. Such an abbreviation names a thing, a term or a treaty, not a body,
    wherever the text writes it; one spelled out in a proper noun (``뉴욕타임스(NYT)``, ``세계보건기구(WHO)``) or in
    words ending like an organization (``중앙사고수습본부``) is left to the other rules."""
    found = set()
    for m in _WORDS_THEN_ABBREVIATION.finditer(body):
        if _common_words(m.group(1), m.start(1), m.end(1), tokens):
            found.add(m.group(2))
    for m in _ABBREVIATION_THEN_WORDS.finditer(body):
        if _common_words(m.group(2), m.start(2), m.end(2), tokens):
            found.add(m.group(1))
    return found


def _common_words(text: str, start: int, end: int, tokens: TokensByStart) -> bool:
    """``text`` (at ``start:end``) is common nouns only, and its last word ends like no organization and names no
    agency or known organization."""
    return (
        _common_nouns_only(tokens.within(start, end))
        and lexicon.org_ending(text.split()[-1]) is None
        and text.split()[-1] not in lexicon.national_institutions()  # 미국 항공우주국(NASA)
        and text not in organizations.known_forms()
    )


class TokensByStart:
    """A text's tokens ordered by where they start, to find those inside a span without reading them all (a
    mention's check costs the log of the text's length, not its length: a 2 MB page has ~10^6 tokens)."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self._tokens = sorted(tokens, key=lambda t: t[0])
        self._starts = [t[0] for t in self._tokens]

    def within(self, start: int, end: int) -> list[Token]:
        """The tokens that start at ``start`` or later and end at ``end`` or earlier, in order."""
        first = bisect_left(self._starts, start)
        last = bisect_right(self._starts, end, first)
        return [t for t in self._tokens[first:last] if t[1] <= end]


def _compound_name(start: int, end: int, tokens: TokensByStart) -> bool:
    """Kiwi reads ``text[start:end]`` as nouns only, a proper noun among them or more than one noun."""
    inside = tokens.within(start, end)
    if not inside or any(not t[2].startswith(("NN", "SL", "SH", "SN", "XSN")) for t in inside):
        return False
    return len(inside) > 1 or inside[0][2] == "NNP"


def _not_a_name(mention: dict, tokens: TokensByStart) -> bool:
    """A body mention whose name part Kiwi reads as a verb form (``지명한`` in ``지명한 추기경``)."""
    if mention.get("field", "body") != "body":
        return False
    start = mention["start"]
    end = start + len(mention["text"])
    title = mention.get("title")
    if title and mention["text"].endswith(title) and len(mention["text"]) > len(title):
        end = start + len(mention["text"][: -len(title)].rstrip())
    return any(t[2].startswith(recognizer.VERBAL_TAG_PREFIXES) for t in tokens.within(start, end))


_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")


def _name_shaped(text: str) -> bool:
    """A named person has two Hangul syllables or three Latin letters at least: one character (김씨, A씨) or a
    letter with a syllable (A호, B사) is an anonymised person or a thing, not a name sinmun keeps."""
    return len(_HANGUL.findall(text)) >= 2 or len(_LATIN.findall(text)) >= 3


# Words written between a name and its title in a news sentence's apposition (``기시다 후미오 일본 외무상``,
# ``제임스 코미 전 연방수사국(FBI) 국장``, ``캐럴라인 케네디 주일 미국대사``): a qualifier of the office, then up
# to three words naming the organization, place or country the office belongs to.
_OFFICE_QUALIFIERS = frozenset("전 현 前 現 신임 초대 전직 현직 차기 당시".split())
_AFFILIATION_WORDS_BEFORE_TITLE = 3
_OPENING_MARKS = "'\"‘“「『"
_CLOSING_MARKS = "'\"’”」』"
_WORD_AFTER = re.compile(r"\S+")
_BOUNDARY_MARKS = ",.;:!?…·"


def _affiliation_word(word: str) -> bool:
    """An affiliation word (``people.affiliation_word``) or any organization or place the lexicons know: after a
    name the model found, where the rules' caution about long lists of names (빅토리아 is a place too) is not needed."""
    return people.affiliation_word(word) or word in recognizer.organization_or_place_forms()


def _title_after(body: str, end: int) -> str | None:
    """The title written after a name, as written (``교수가`` -> ``교수``; ``씨는`` -> ``씨``; ``이스라엘 총리는``
    -> ``이스라엘 총리``; ``전 국가안보보좌관`` -> itself), or None: a qualifier and up to three affiliation words
    may stand between the name and the title word, a closing quotation mark right after the name (``'안호상'
    교수``)."""
    position = end
    while position < len(body) and body[position] in _CLOSING_MARKS:
        position += 1
    phrase_start = None
    affiliations = 0
    for word in _WORD_AFTER.finditer(body, position, min(len(body), position + 80)):
        raw = word.group()
        stripped = raw.rstrip(_BOUNDARY_MARKS + _CLOSING_MARKS)
        core, particle = strip_particle(stripped)
        if not core:
            return None
        glued = word.start() == end
        if glued and not (core.startswith("씨") or split_title_or_none(core)):
            return None
        if core == "씨" or (glued and core.startswith("씨")):
            return "씨" if phrase_start is None else None
        if phrase_start is None:
            phrase_start = word.start()
        if split_title_or_none(core):
            return body[phrase_start : word.start() + len(core)]
        if particle or stripped != raw:
            return None
        if core in _OFFICE_QUALIFIERS and affiliations == 0:
            continue
        if affiliations < _AFFILIATION_WORDS_BEFORE_TITLE and _affiliation_word(core):
            affiliations += 1
            continue
        return None
    return None


def split_title_or_none(word: str) -> str | None:
    """The title word itself when ``word`` is one (``광주시장``), else None."""
    titled = people.split_title(word)
    return titled[0] if titled else None


_PREVIOUS_WORD = re.compile(r"([^\s,.·()\"'“”‘’]+)\s+$")


def _title_before(body: str, start: int) -> str | None:
    """The title written right before a name (``국무장관 콜린 파월``; ``환경부장관인 유영숙``), or None."""
    word = _PREVIOUS_WORD.search(body, max(0, start - 30), start)
    if word is None:
        return None
    written = word.group(1)
    return split_title_or_none(written) or people.appositive_title(written)


def _trailing_title(text: str) -> tuple[str, str | None]:
    """A person span the model drew over the title or affiliation after the name (``아베 총리``, ``제라드 쿠슈너
    백악관``): the name alone, and the title cut off (None for an affiliation word)."""
    title = None
    while " " in text:
        head, _, last = text.rpartition(" ")
        if split_title_or_none(last):
            title = last
        elif not _affiliation_word(last):
            break
        text = head.rstrip()
    return text, title


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
    guessed from its ending alone (no place code): weaker evidence than a gazetteer's. An anonymised person
    (``A씨``) is no evidence: the rule that finds it is exact, and the model keeps the weights it learned without it
    (with it as evidence, the retrained model lost places elsewhere, 증심사 in a sample page)."""
    out = []
    for entity in entities:
        if entity.get("anonymous") and not _surname_reference(entity):
            continue
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

    place_mentions = places.find_places(body)
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
            | ({"anonymous": True} if p.anonymous else {})
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
    org_spans = [(m.start, m.end) for org in orgs for m in org.mentions]
    institutions = _institutions_of_places(body, place_mentions, person_spans + org_spans)
    # 국회 in 미국 국회: the words name the country's institution, no mention of the generic one
    out = _without_org_mentions_inside(out, [(start, end) for _name, start, end in institutions])
    for name, start, end in institutions:
        entry = next((e for e in out if e["type"] == "ORG" and e["name"] == name), None)
        if entry is None:
            entry = {"type": "ORG", "name": name, "title": None, "affiliation": None, "aliases": [], "mentions": []}
            out.append(entry)
        entry["mentions"].append(_mention(body[start:end], start, end))
        org_spans.append((start, end))
    by_place: dict[str, dict] = {}
    for m in _with_the_divisions_written_in_them(_qualifiers_of_organizations(place_mentions, org_spans)):
        if _overlaps(m.start, m.end, person_spans) or _inside_longer(m.start, m.end, org_spans):
            continue  # 수원 in 수원지검, 서울시 in 서울시청: a word of the organization's name, no mention of the place
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


def _without_org_mentions_inside(entities: list[dict], spans: list[tuple[int, int]]) -> list[dict]:
    """The entities with every organization's mention inside one of ``spans`` taken out (and an organization left
    with none, out)."""
    if not spans:
        return entities
    out = []
    for e in entities:
        if e["type"] == "ORG":
            e = {**e, "mentions": [m for m in e["mentions"] if not _inside_longer(m["start"], m["end"], spans)]}
            if not e["mentions"]:
                continue
        out.append(e)
    return out


# What a country or a region is governed and policed by, written after its name (``중국 정부``, ``일본 경찰``, ``미국
# 의회``, ``미얀마 군부``; after a country's name its ministries and agencies too, ``독일 재무부``, ``일본 외무성``:
# ``data/national_institutions.txt``): the institution of that place, an organization with a name of its own, not
# the generic one (``정부`` alone is the government the paper writes about).
_INSTITUTION_OF_A_PLACE = re.compile(
    r" (?P<word>정부|당국|경찰|검찰|의회|군부|법원|국회|해군|육군|공군|해경)(?="
    + lexicon.PARTICLE_RE
    + r"?(?![가-힣]))"
)
_INSTITUTION_OF_A_COUNTRY = re.compile(
    r" (?P<word>"
    + "|".join(sorted(lexicon.national_institutions(), key=len, reverse=True))
    + r")(?="
    + lexicon.PARTICLE_RE
    + r"?(?![가-힣]))"
)
_GOVERNED_PLACE_KINDS = frozenset({"country", "province", "city_county_district", "district"})


def _institutions_of_places(
    body: str, place_mentions: Sequence[places.PlaceMention], taken: list[tuple[int, int]]
) -> list[tuple[str, int, int]]:
    """(name, start, end) of each institution named by a place before it (``중국 정부는`` -> ``중국 정부``): a
    country or an administrative division, one space before the institution's word. The place's word is part of
    the organization's name, so no mention of the place of its own."""
    out = []
    for m in place_mentions:
        if m.place.kind not in _GOVERNED_PLACE_KINDS or _overlaps(m.start, m.end, taken):
            continue
        after = _INSTITUTION_OF_A_PLACE.match(body, m.end)
        if after is None and m.place.kind == "country":
            after = _INSTITUTION_OF_A_COUNTRY.match(body, m.end)
        if after is not None:
            out.append((f"{m.text} {after['word']}", m.start, after.end("word")))
    return out


def _qualifiers_of_organizations(
    mentions: Sequence[places.PlaceMention], org_spans: list[tuple[int, int]]
) -> list[places.PlaceMention]:
    """``서울 강남경찰서``: the gazetteer reads ``서울 강남`` as one place, but 강남 is a word of the organization's
    name; what is left is a mention of the place before it (서울)."""
    out = []
    for m in mentions:
        head, space, tail = m.text.rpartition(" ")
        tail_start = m.end - len(tail)
        if space and m.place.parent_code and _overlaps(tail_start, m.end, org_spans):
            parent = places.place_by_code(m.place.parent_code)
            if parent is not None:
                out.append(places.PlaceMention(head, m.start, m.start + len(head), parent))
                continue
        out.append(m)
    return out


def _with_the_divisions_written_in_them(mentions: Sequence[places.PlaceMention]) -> list[places.PlaceMention]:
    """``경북 예천``, which the gazetteer reads as one mention of 예천군, is a mention of 경상북도 too: each division
    written in an address is mentioned by the whole address (``_joined_place_chains``)."""
    out = []
    for m in mentions:
        out.append(m)
        if " " not in m.text:
            continue
        above = places.ancestors(m.place)
        for word in m.text.split()[:-1]:
            out.extend(
                places.PlaceMention(m.text, m.start, m.end, p) for p in places.places_of_form(word) if p in above
            )
    return out


def _mention(text: str, start: int, end: int, *, title: str | None = None, field: str = "body") -> dict:
    d: dict = {"text": text, "start": start, "end": end}
    if title:
        d["title"] = title
    if field != "body":
        d["field"] = field
    return d


def _inside_longer(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """``start:end`` lies inside one of ``spans`` that is longer than it."""
    return any(s <= start and end <= e and e - s > end - start for s, e in spans)


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


def _joined_place_chains(entities: list[dict], body: str) -> list[dict]:
    """An address (divisions of the country written from the largest down, one space apart: ``서울 강남구``, ``경기
    수원시 팔달구``, ``서울 강서구 화곡동``) is one mention, and a mention of each division it names: the text
    ``경북 예천`` mentions 예천군 and the 경상북도 it lies in, by the same words. A 동, 읍, 면 or 리 the gazetteer
    does not hold ends an address too. A named place or a venue after an address keeps its own mention
    (``광주 북구`` + ``중외공원``, ``무안군`` + ``항공특화산단``: the reference page reads the county by those words),
    and places side by side that do not lie in one another (``서울 부산``) stay apart."""

    def continues(address: list[dict], text: str, named: list[dict]) -> bool:
        # the address so far lies in its innermost division; the next words must name a division of it
        inner = _innermost([e.get("place_code") for e in address])
        return _division_in(_innermost([e.get("place_code") for e in named]), text, inner)

    return _joined_chains(entities, body, "LOCATION", continues)


def _innermost(codes: Sequence[str | None]) -> str | None:
    """Of the places one span mentions (``경북 예천``: 예천군 and 경상북도), the one the others contain."""
    known = [p for p in (places.place_by_code(c) for c in codes if c) if p is not None]
    return max(known, key=lambda p: len(places.ancestors(p))).code if known else None


# Endings of the units an organization is made of (a committee, an office, a branch, a union, a college).
_UNIT_ENDINGS = ("위원회", "처", "지청", "본부", "협회", "노조", "대학", "연구소", "지부", "지회", "분회")


def _joined_units(entities: list[dict], body: str) -> list[dict]:
    """An organization's unit written after it, one space apart (``국회 정보위원회``, ``고용노동부 창원지청``, ``KBS
    기자협회``, ``서울대학교 치과대학``), is one mention, of the unit and of the organization it belongs to, as an
    address is of each division in it: the words name the unit by the body it is part of."""
    return _joined_chains(entities, body, "ORG", lambda _chain, text, _named: text.endswith(_UNIT_ENDINGS))


def _joined_chains(
    entities: list[dict], body: str, entity_type: str, continues: Callable[[list[dict], str, list[dict]], bool]
) -> list[dict]:
    """Mentions of ``entity_type`` written one space apart, each of which ``continues`` the chain before it (given
    the entities the chain names so far, the next mention's text and the entities it names), are one mention
    spanning the chain, of every entity the chain names (``_joined_place_chains``, ``_joined_units``)."""
    located: dict[tuple[int, int], list[tuple[int, dict]]] = {}  # span -> (id of a mention there, its entity)
    for e in entities:
        if e["type"] == entity_type:
            for m in e["mentions"]:
                if m.get("field", "body") == "body":
                    located.setdefault((m["start"], m["end"]), []).append((id(m), e))
    chains: list[list[tuple[int, int]]] = []  # the spans of each chain, in order
    named: list[dict] = []  # the entities the last chain names so far
    for (start, end), here in sorted(located.items()):
        entities_here = [e for _key, e in here]
        if (
            chains
            and start == chains[-1][-1][1] + 1
            and body[start - 1] == " "
            and continues(named, body[start:end], entities_here)
        ):
            chains[-1].append((start, end))
            named.extend(entities_here)
            continue
        chains.append([(start, end)])
        named = entities_here
    joined: dict[int, dict] = {}
    for chain in chains:
        if len(chain) > 1:
            start, end = chain[0][0], chain[-1][1]
            for span in chain:
                for key, _entity in located[span]:
                    joined[key] = _mention(body[start:end], start, end)
    if not joined:
        return entities
    return [
        {**e, "mentions": [joined.get(id(m), m) for m in e["mentions"]]} if e["type"] == entity_type else e
        for e in entities
    ]


# A 동, 읍, 면, 리 or 가 by its name (화곡동, 신흑동, 순창읍, 조도면, 장덕리, 을지로3가, 역삼1동).
_SUBDIVISION = re.compile(r"[가-힣]{1,6}\d{0,2}(?:동|읍|면|리|가)")


def _division_in(code: str | None, text: str, outer_code: str | None) -> bool:
    """The place written ``text`` (of gazetteer ``code``, or none) is a division of the administrative division of
    ``outer_code``: the gazetteer says so, or it is a 동, 읍, 면 or 리 the gazetteer does not hold."""
    outer = places.place_by_code(outer_code) if outer_code else None
    if outer is None or outer.kind not in _DIVISION_KINDS:
        return False
    if code is None:
        return _SUBDIVISION.fullmatch(text) is not None
    inner = places.place_by_code(code)
    return (
        inner is not None
        and inner.kind in _DIVISION_KINDS
        and any(p.code == outer_code for p in places.ancestors(inner))
    )


_DIVISION_KINDS = frozenset({"province", "city_county_district", "district"})
