"""Organizations named in an article, with the aliases the text declares.

Rules:

1. A word whose core (particle taken off) ends with an organization ending
   (``진흥회``, ``사업단``, ``대학교``, ``재단``, ``공사``, ``테크노파크``, ``호텔``, ... see
   ``lexicon.ORG_ENDINGS``) and has something before that ending: ``한국광산업진흥회``.
2. Known organizations from ``data/organizations.csv`` (ministries, parties, agencies, companies
   whose names carry no such ending: ``법무부``, ``중소벤처기업부``, ``국민의힘``), with their aliases.
3. Declared aliases: ``인공지능산업융합사업단(이하 AI사업단)`` and ``한국전력공사(한전)`` make the
   bracketed name an alias of the organization before it; every later use of the alias is a
   mention of that organization, under its canonical (long) name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from sinmun.entities import lexicon
from sinmun.entities.lexicon import org_ending, strip_particle
from sinmun.morphology import Token

_WORD = re.compile(r"[가-힣A-Za-z0-9&·]+")
_DECLARED_ALIAS = re.compile(r"(?P<org>[가-힣A-Za-z0-9&·]{3,40})\s?\((?:이하\s*)?(?P<alias>[가-힣A-Za-z0-9&·]{2,20})\)")


@dataclass
class OrgMention:
    text: str
    start: int
    end: int


@dataclass
class Organization:
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[OrgMention] = field(default_factory=list)


def known_forms() -> dict[str, str]:
    """Every name and alias of the known organizations -> its canonical name."""
    return _known()


@cache
def _known() -> dict[str, str]:
    """Surface form -> canonical name, from data/organizations.csv."""
    forms: dict[str, str] = {}
    for row in lexicon.data_rows("organizations.csv"):
        forms[row["name"]] = row["name"]
        for alias in filter(None, row["aliases"].split("|")):
            forms[alias] = row["name"]
    return forms


_COMMON_NOUN_PARTS = frozenset({"NNG", "XPN"})


def descriptive_compound(tokens: Sequence[Token]) -> bool:
    """Kiwi reads a word that ends like an organization as two dictionary words, a common noun and the ending's
    noun (종교+단체, 사립+학교, 댄스+그룹, 구조+요청, 이동+통신): a description of a kind of body, not a name."""
    return len(tokens) == 2 and all(tag in _COMMON_NOUN_PARTS for _s, _e, tag, _f in tokens)


def find_organizations(text: str, *, exclude: set[str] = frozenset()) -> list[Organization]:
    """Organizations in ``text``; ``exclude`` holds surface forms already claimed (places, people)."""
    orgs: dict[str, Organization] = {}
    surface_to_name: dict[str, str] = {}
    known = _known()

    def add(name: str, start: int, end: int) -> None:
        org = orgs.setdefault(name, Organization(name=name))
        if not any(m.start == start for m in org.mentions):
            org.mentions.append(OrgMention(text[start:end], start, end))

    declarations: list[tuple[int, int]] = []  # the bracket that declares an alias is not another mention
    for m in _DECLARED_ALIAS.finditer(text):
        org_word, _ = strip_particle(m["org"])
        alias = m["alias"]
        canonical = known.get(org_word, org_word)
        if (org_ending(org_word) or org_word in known) and not re.fullmatch(r"\d+", alias):
            surface_to_name[alias] = canonical
            declarations.append((m.start("alias"), m.end("alias")))
            org = orgs.setdefault(canonical, Organization(name=canonical))
            if alias not in org.aliases:
                org.aliases.append(alias)

    items = (item for m in _WORD.finditer(text) for item in _list_items(m.start(), m.group(), known))
    for item_start, item, ends_word in items:
        # A particle follows the word's last item only, and never cuts an organization's ending (소방서, 세무서: 서
        # is also the particle 에서's short form).
        core = strip_particle(item)[0] if ends_word and not (org_ending(item) or item in known) else item
        if not core or core in exclude or (declarations and any(s <= item_start < e for s, e in declarations)):
            continue
        name = surface_to_name.get(core) or known.get(core)
        if name is None and surface_to_name:
            # An alias glued to a word after it (AI사업단장 -> AI사업단 + 장) is still the alias.
            name = next(
                (surface_to_name[a] for a in surface_to_name if core.startswith(a) and len(core) - len(a) <= 1), None
            )
            if name is not None:
                core = next(a for a in surface_to_name if core.startswith(a))
        if name is None and org_ending(core):
            name = core
        if name is None:
            continue
        add(name, item_start, item_start + len(core))
    for org in orgs.values():
        org.mentions.sort(key=lambda x: x.start)
    return [o for o in sorted(orgs.values(), key=lambda o: o.mentions[0].start if o.mentions else 0) if o.mentions]


def _list_items(start: int, word: str, known: dict[str, str]) -> list[tuple[int, str, bool]]:
    """(offset, characters, whether it ends the word) of the items of a word that lists names with middle dots
    (``경찰청·서울지방경찰청·종로경찰서``): an item that names an organization by itself (an organization ending, a
    known name) ends one, so each is a mention of its own. An item that names none shares the head of the next one (``하나·외환은행``,
    ``시·도교육청``: one name) and stays joined to it; a count before a name (``74명·을지대병원``) is no part of
    it. A word without a middle dot is one item."""
    if "·" not in word:
        return [(start, word, True)]
    parts = word.split("·")
    items: list[tuple[int, str]] = []
    offset = pending_start = start
    pending = ""
    for i, part in enumerate(parts):
        last = i + 1 == len(parts)
        offset += len(part) + 1
        if not pending and part[:1].isdigit() and not last:
            pending_start = offset  # a count (74명): the next item starts after its dot
            continue
        pending = f"{pending}·{part}" if pending else part
        if not last and (org_ending(part) or part in known):
            items.append((pending_start, pending, False))
            pending, pending_start = "", offset
    if pending:
        items.append((pending_start, pending, True))
    return items
