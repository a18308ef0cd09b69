"""Read one newspaper page's text into its pieces: articles, photos, columns, notices, ads.

The steps, in order (decoding is ``sinmun.pages.decode``; everything here is
pure and I/O-free, the morphological scorer being passed in):

1. recognise page furniture (header/footer lines) and read the page's metadata from it;
2. segment the remaining lines into pieces: a byline closes a piece, a label or a
   continuation mark opens one, a headline after a finished sentence opens one;
3. classify each piece (news, photo, column, editorial, notice, continuation, ad);
4. split each piece into headline, sub-headlines and body, taking out bylines,
   cross-references and continuation marks;
5. repair column breaks in the body, deciding each join by morphology.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field

from sinmun.pages import captions, markers
from sinmun.pages.bylines import (
    Byline,
    letter_spaced_name,
    parse_byline_line,
    split_trailing_byline,
    split_wire_opening,
)
from sinmun.pages.column_breaks import (
    BreakDecision,
    PageWords,
    Scorer,
    Tagger,
    continuation_margins,
    continuation_texts,
    cut_offset,
    decide_with_page,
    decisions_from_scores,
    ends_sentence,
    is_break_candidate,
    window_texts,
)
from sinmun.pages.furniture import PageFurniture, is_bare_page_number, is_furniture, read_furniture
from sinmun.pages.kinds import KINDS  # noqa: F401 (the kinds this reader tells apart, re-exported)

# A line is prose when it holds a finished Korean sentence.
_PROSE = re.compile(r"""[가-힣][.?!](?:["'”’」』)\]]*)(?:\s|$)""")
# Signs of an advertisement: web addresses, phone numbers (a company's four-digit 1588-xxxx too, and ☎), markup
# residue, sponsor lines, event date ranges.
_AD_SIGNAL = re.compile(
    r"https?://|www\.|\b[a-z0-9-]+\.(?:com|co\.kr|kr|org|net)\b|\*\*|\^|\s\|\s|(?:^|\s)[|｜]"
    r"|(?:0\d{1,2}|1\d{3})[-)]\s?\d{3,4}-\d{4}|(?<![\d-])1[5-9]\d{2}-\d{4}(?![\d-])|☎|(?:주최|주관|후원|협찬)\s*[|:｜]"
    r"|\d{1,2}\.\d{1,2}\s*\^?\s*\(?[월화수목금토일]\)?\s*~",
    re.IGNORECASE,
)
# A price is an ad's sign too, but headlines carry prices as well (지원금 최대 300만원).
_PRICE = re.compile(r"\d[\d,]*\s*(?:원|만원)(?:\s|$|~)")
_HEADLINE_MAX_CHARS = 70
# A headline that opens a new piece in the middle of a page is short; longer lines there are body fragments.
_NEW_HEADLINE_MAX_CHARS = 40
# Last-morpheme tags that cannot end a headline: a particle, an adnominal ending, a determiner or a prefix
# (``정원을 잇는`` is the first half of a paragraph cut by a column).
_FRAGMENT_FINAL_TAGS = frozenset({"JKS", "JKC", "JKG", "JKO", "JKB", "JKV", "JKQ", "JX", "JC", "ETM", "MM", "XPN"})
_SENTENCE_HEADLINE_MAX_CHARS = 45
_FINISHED_SENTENCE_INSIDE = re.compile(r"[가-힣][.](?:[\"'”’」』)\]]*)\s")
_QUESTION_END = re.compile(r"""[?!]["'”’」』)\]]*$""")
# A lead sentence's opening date and its comma: 지난 4일, / 2025년 9월 3일, / 9월 3일 오후,
_LEAD_DATE = re.compile(
    r"^(?:지난\s*|오는\s*)?(?:\d{4}년\s*)?(?:\d{1,2}월\s*)?\d{1,2}일(?:\s*(?:오전|오후|새벽|밤))?\s*,\s*\S"
)
_SUBHEADLINE_MAX_CHARS = 140
_MAX_SUBHEADLINES = 3
_PHOTO_MAX_CHARS = 400
# How much likelier (log-probability) the no-space reading must be for a line to count as cut mid-word.
_CUT_WORD_MARGIN = 1.0
# The last syllable of a sentence-final ending that a headline may end on without a full stop (바꾼다, 무엇일까,
# 바꾸나, 있나요); ``고쳐`` or ``봐`` may end a sentence too, but more often they are cut in mid-sentence.
_FINAL_SYLLABLE = re.compile(r"[다까나요]$")
# How much likelier a short line and the next must read as one text than as two for the short line to be the
# first half of a paragraph cut by a column (a headline and its body's first words read well apart).
_CONTINUES_MARGIN = 7.0
# A photo's title ends where it and the caption sentence read apart: a margin below this (headlines and their
# first body words stay under it; a paragraph cut by a column reads on above ``_CONTINUES_MARGIN``).
_TITLE_APART_MARGIN = 6.0


@dataclass
class Article:
    ordinal: int
    kind: str
    headline: str | None = None
    subheadlines: list[str] = field(default_factory=list)
    label: str | None = None
    byline: Byline | None = None
    body: str | None = None
    cross_refs: list[int] = field(default_factory=list)
    continues_from: int | None = None
    continues_on: int | None = None
    entities: list[dict] = field(default_factory=list)
    dates: list[dict] = field(default_factory=list)
    amounts: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "ordinal": self.ordinal,
            "kind": self.kind,
            "headline": self.headline,
            "subheadlines": list(self.subheadlines),
            "label": self.label,
            "byline": self.byline.to_dict() if self.byline else None,
            "body": self.body,
            "cross_refs": list(self.cross_refs),
            "continues_from": self.continues_from,
            "continues_on": self.continues_on,
            "entities": self.entities,
            "dates": self.dates,
            "amounts": self.amounts,
            "quotes": self.quotes,
        }


@dataclass
class PageReading:
    """A page's articles and what its furniture says about it."""

    furniture: PageFurniture
    articles: list[Article]
    furniture_lines: list[str] = field(default_factory=list)
    unplaced_lines: list[str] = field(default_factory=list)  # text that belongs to no piece


@dataclass
class _Piece:
    start: int
    lines: list[str] = field(default_factory=list)
    line_numbers: list[int] = field(default_factory=list)  # index of each line in the page's body lines
    byline: Byline | None = None
    inline_byline: bool = False
    credit_attached_late: bool = False
    caption_title_words: int | None = None  # a caption line's title, in words (the title runs into the caption)

    def add(self, line: str, number: int) -> None:
        self.lines.append(line)
        self.line_numbers.append(number)

    @property
    def has_prose(self) -> bool:
        """Whether the piece holds prose beyond a headline (which may end as a sentence does)."""
        if not self.lines:
            return False
        first = self.lines[0]
        rest = (self.lines[k] for k in range(1, len(self.lines)))  # no copy: asked once per line of the piece
        return (is_prose(first) and not is_sentence_headline(first)) or any(map(is_prose, rest))


def is_prose(line: str) -> bool:
    return bool(_PROSE.search(line)) or len(line) > 2 * _SUBHEADLINE_MAX_CHARS


def is_headline_like(line: str) -> bool:
    return (
        len(line) <= _HEADLINE_MAX_CHARS
        and not is_prose(line)
        and not ends_sentence(line)
        and not markers.is_bullet(line)
        and not markers.is_cross_ref_line(line)
        and markers.continues_on(line) is None
    )


def is_sentence_headline(line: str) -> bool:
    """A headline may end as a sentence does (``왜 바꾸나?``, ``물때 확인 필수!``, ``모두 구조됐다.``): a short line
    holding no finished sentence before its last one. At a piece's start such a line is its headline."""
    return (
        len(line) <= _SENTENCE_HEADLINE_MAX_CHARS
        and not _FINISHED_SENTENCE_INSIDE.search(line)
        and not markers.is_bullet(line)
        and not markers.is_cross_ref_line(line)
        and markers.continues_on(line) is None
        and parse_byline_line(line) is None
        and split_trailing_byline(line) is None
    )


def is_question_headline(line: str) -> bool:
    """A short headline ending in a question or exclamation mark: one may open a new piece after a finished
    paragraph, as any headline does."""
    return len(line) <= _NEW_HEADLINE_MAX_CHARS and bool(_QUESTION_END.search(line)) and is_sentence_headline(line)


@dataclass(frozen=True)
class MorphologyRequest:
    """What one step of reading a page needs from the morphological analyser: texts to score (column-break
    windows), lines whose last morpheme's tag is wanted, and (text, offset) pairs whose morpheme at the offset
    is wanted (see ``CutTagger``)."""

    score: list[str] = field(default_factory=list)
    tag: list[str] = field(default_factory=list)
    tag_at: list[tuple[str, int]] = field(default_factory=list)


# Maps (text, offset) pairs to "span" (a morpheme runs across the offset) or the tag of the morpheme starting there.
CutTagger = Callable[[Sequence[tuple[str, int]]], list[str]]

# A page's reading, step by step: it yields what it needs from the analyser, is sent back (scores, tags, tags at
# offsets), and returns the page's reading. ``read_pages`` drives many pages in step, so each step is one batched
# call.
PageSteps = Generator[MorphologyRequest, tuple[list[float], list[str], list[str]], PageReading]


def read_page(
    text: str, scorer: Scorer, final_tags: Tagger | None = None, tags_at: CutTagger | None = None
) -> PageReading:
    """Read normalized page text (see ``decode_page``) into its pieces.

    ``scorer`` scores Korean readings (column breaks); ``final_tags`` gives the last morpheme's tag of each line
    (to tell a cut line from a headline); ``tags_at`` the morpheme at a column break in the joined reading (a
    suffix, an ending or a particle there never starts a word). ``sinmun.morphology`` provides all three, backed
    by Kiwi.
    """
    return read_pages([text], scorer, final_tags, tags_at)[0]


def read_pages(
    texts: Sequence[str], scorer: Scorer, final_tags: Tagger | None = None, tags_at: CutTagger | None = None
) -> list[PageReading]:
    """Read many pages at once, exactly as ``read_page`` reads each: their steps run in lockstep, so the
    analyser is called a few times per step for all the pages together (few large batches, not many small ones)."""
    steps = [_page_steps(text, with_tags=final_tags is not None, with_tags_at=tags_at is not None) for text in texts]
    readings: list[PageReading | None] = [None] * len(steps)
    requests = {n: next(step) for n, step in enumerate(steps)}
    while requests:
        score_texts = [t for r in requests.values() for t in r.score]
        tag_texts = [t for r in requests.values() for t in r.tag]
        at_pairs = [t for r in requests.values() for t in r.tag_at]
        scores = iter(scorer(score_texts) if score_texts else [])
        tags = iter(final_tags(tag_texts) if final_tags and tag_texts else [])
        at_tags = iter(tags_at(at_pairs) if tags_at and at_pairs else [])
        answered = {
            n: ([next(scores) for _ in r.score], [next(tags) for _ in r.tag], [next(at_tags) for _ in r.tag_at])
            for n, r in requests.items()
        }
        requests = {}
        for n, answer in answered.items():
            try:
                requests[n] = steps[n].send(answer)
            except StopIteration as done:
                readings[n] = done.value
    return readings  # type: ignore[return-value]


def _page_steps(text: str, with_tags: bool, with_tags_at: bool) -> PageSteps:
    lines = [line.strip() for line in text.split("\n")]
    content = [i for i, line in enumerate(lines) if line]
    furniture_idx = _furniture_lines(lines, content)
    furniture_lines = [lines[i] for i in sorted(furniture_idx)]
    body_lines = [lines[i] for i in content if i not in furniture_idx]

    cut_idx = _cut_candidates(body_lines)
    fragment_idx = _fragment_candidates(body_lines) if with_tags else []
    cut_lines = set(cut_idx)
    open_idx = [i for i in fragment_idx if i in cut_lines]
    cut_windows = window_texts([(body_lines[i], body_lines[i + 1]) for i in cut_idx])
    open_texts = continuation_texts([(body_lines[i], body_lines[i + 1]) for i in open_idx])
    caption_ends = {}
    for i, line in enumerate(body_lines):
        trailing = split_trailing_byline(line)
        if trailing and (ends := captions.title_ends(trailing[0])):
            caption_ends[i] = (trailing[0], ends)
    title_texts = continuation_texts(
        [p for text, ends in caption_ends.values() for p in captions.boundary_pairs(text, ends)]
    )
    particle_questions = {i: captions.particle_questions(text, ends) for i, (text, ends) in caption_ends.items()}
    # Clauses marking no topic that may be headlines: is the verb's ending fused into the last syllable (열려)?
    clause_idx = [
        i for i in fragment_idx if with_tags_at and _reads_as_clause(body_lines[i]) and not _marks_topic(body_lines[i])
    ]
    scores, tags, at_tags = yield MorphologyRequest(
        score=cut_windows + open_texts + title_texts,
        tag=[body_lines[i] for i in fragment_idx],
        tag_at=[q for qs in particle_questions.values() for q in qs if q]
        + [(body_lines[i], len(body_lines[i]) - back) for i in clause_idx for back in (1, 2)]
        if with_tags_at
        else [],
    )
    title_margins = iter(continuation_margins(scores[len(cut_windows) + len(open_texts) :]))
    particle_tag = iter(at_tags)
    caption_titles = {}
    for i, (_, ends) in caption_ends.items():
        margins = [next(title_margins) for _ in ends]
        # A title cannot end on a particle; without the tagger, on nothing that looks like one.
        ends_on_particle = [
            q is not None and (not with_tags_at or captions.is_particle(next(particle_tag)))
            for q in particle_questions[i]
        ]
        kept = [(end, margin) for end, margin, no in zip(ends, margins, ends_on_particle, strict=True) if not no]
        k = captions.pick_title_end([e for e, _ in kept], [m for _, m in kept], _TITLE_APART_MARGIN)
        if k is not None:
            caption_titles[i] = k
    scores = scores[: len(cut_windows) + len(open_texts)]
    cuts = dict(zip(cut_idx, decisions_from_scores(scores[: len(cut_windows)]), strict=True))
    # Lines that read as the first half of a cut paragraph: their last morpheme cannot end a headline, or they
    # read on into the next line as one sentence.
    final_tag = dict(zip(fragment_idx, tags, strict=True))
    finished = {i for i, tag in final_tag.items() if tag == "EF" and _FINAL_SYLLABLE.search(body_lines[i])}
    margins = continuation_margins(scores[len(cut_windows) :])
    reads_on = {i for i, margin in zip(open_idx, margins, strict=True) if margin >= _CONTINUES_MARGIN}
    fragments = _LineEnds(
        cut={i for i, tag in final_tag.items() if tag in _FRAGMENT_FINAL_TAGS}
        | (reads_on - finished)
        | {i for i in cut_idx if leaves_quotation_open(body_lines[i])},
        finished=finished,
        fused_verb_ending={
            i
            for i, at_last, at_before in zip(
                clause_idx,
                at_tags[len(at_tags) - 2 * len(clause_idx) :: 2],
                at_tags[len(at_tags) - 2 * len(clause_idx) + 1 :: 2],
                strict=True,
            )
            if final_tag[i] in _VERB_ENDING_TAGS and _fused_verb_ending(at_last, at_before)
        },
    )
    pieces = _segment(body_lines, cuts, fragments, caption_titles)
    pending: list[tuple[int, Article, list[str]]] = []
    for piece in pieces:
        for start, article, paragraphs in _build(piece, cuts, fragments):
            pending.append((start, article, paragraphs))
    candidates, pairs = _repair_candidates(pending)
    windows = window_texts(pairs)
    joined_at_cut = [(windows[2 * k], cut_offset(before)) for k, (before, _) in enumerate(pairs)]
    scores, _, at_cut = yield MorphologyRequest(score=windows, tag_at=joined_at_cut if with_tags_at else [])
    words = PageWords(body_lines)
    decisions = [
        decide_with_page(decision, before, after, words, tag)
        for decision, (before, after), tag in zip(
            decisions_from_scores(scores), pairs, at_cut or [None] * len(pairs), strict=True
        )
    ]
    _repair_bodies(pending, dict(zip(candidates, decisions, strict=True)))
    articles: list[Article] = []
    unplaced: list[str] = []
    for _, article, _ in sorted(pending, key=lambda p: p[0]):
        if article.byline or (article.body and re.search(r"[가-힣A-Za-z]{2}", article.body)):
            article.ordinal = len(articles) + 1
            articles.append(article)
        else:  # a headline with nothing under it (a banner, a section title) is not an article
            unplaced.extend(x for x in (article.headline, *article.subheadlines) if x)
    return PageReading(
        furniture=read_furniture(furniture_lines),
        articles=articles,
        furniture_lines=furniture_lines,
        unplaced_lines=unplaced,
    )


def _furniture_lines(lines: list[str], content: list[int]) -> set[int]:
    """Header and footer lines. Weak ones (a bare section label or page number, a phone line) count only at the
    page's edges, next to a line already known to be furniture, or among the first and last three lines."""
    edge_zone = set(content[:6] + content[-6:])
    found = {i for i in content if is_furniture(lines[i], near_page_edge=False)}
    order = {i: n for n, i in enumerate(content)}
    changed = True
    while changed:
        changed = False
        for i in edge_zone - found:
            n = order[i]
            neighbours = {content[k] for k in (n - 1, n + 1) if 0 <= k < len(content)}
            at_edge = n < 3 or n >= len(content) - 3
            if (neighbours & found or at_edge) and (
                is_furniture(lines[i], near_page_edge=True) or is_bare_page_number(lines[i])
            ):
                found.add(i)
                changed = True
    return found


def _fragment_candidates(lines: list[str]) -> list[int]:
    """Short lines that may be the first half of a cut paragraph: their last morpheme decides (a particle or an
    adnominal ending cannot end a headline)."""
    return [i for i, line in enumerate(lines) if len(line) <= _HEADLINE_MAX_CHARS and not is_prose(line)]


def _cut_candidates(lines: list[str]) -> list[int]:
    """Each line i that may continue into line i+1 across a column break."""
    return [
        i
        for i in range(len(lines) - 1)
        if is_break_candidate(lines[i], lines[i + 1])
        and not markers.is_bullet(lines[i + 1])
        and parse_byline_line(lines[i + 1]) is None
        and markers.label_of(lines[i + 1]) is None
        and not markers.is_cross_ref_line(lines[i + 1])
        and not markers.is_cross_ref_line(lines[i])
    ]


@dataclass(frozen=True)
class _LineEnds:
    """How a page's short lines end, by morphology: ``i in line_ends`` when line i is the first half of a paragraph
    cut by a column (its last morpheme cannot end a headline, or it reads on into the next line); ``finished``
    holds the lines that end in a sentence-final ending without a full stop, as headlines may (``문을 열다``,
    ``가로등은 무엇일까``), which no cut leaves, not even one in mid-word."""

    cut: set[int] = field(default_factory=set)
    finished: set[int] = field(default_factory=set)
    # Clauses closing on a verb whose ending is fused into its last syllable (모여, 열려, 나서; not 되고, 하며)
    fused_verb_ending: set[int] = field(default_factory=set)

    def __contains__(self, i: object) -> bool:
        return i in self.cut


def _is_cut_mid_word(cuts: dict[int, BreakDecision], i: int) -> bool:
    d = cuts.get(i)
    return d is not None and d.nospace_margin > _CUT_WORD_MARGIN


def _segment(
    lines: list[str], cuts: dict[int, BreakDecision], fragments: _LineEnds, caption_titles: dict[int, int]
) -> list[_Piece]:
    pieces: list[_Piece] = []
    cur = _Piece(start=0)

    def close(next_start: int) -> None:
        nonlocal cur
        if cur.lines or cur.byline:
            pieces.append(cur)
        cur = _Piece(start=next_start)

    skip: set[int] = set()
    for i, line in enumerate(lines):
        if i in skip:
            continue
        byline = parse_byline_line(line)
        if byline:
            if not cur.lines and pieces:
                _attach_late_byline(pieces[-1], byline)
            else:
                cur.byline = byline
                close(i + 1)
            continue
        trailing = split_trailing_byline(line)
        if trailing:
            text, byline = trailing
            title_words = caption_titles.get(i)
            caption = _Piece(i, [text], [i], byline, inline_byline=True, caption_title_words=title_words)
            if (len(cur.lines) >= 2 or cur.has_prose) and _continues_after(lines, i, cuts, fragments):
                # A photo caption printed in the middle of an article: a piece of its own.
                pieces.append(caption)
                continue
            if title_words is not None:
                # A titled caption after an article (the article had no byline): a piece of its own.
                close(i)
                pieces.append(caption)
                cur = _Piece(start=i + 1)
                continue
            cur.add(text, i)
            cur.byline, cur.inline_byline = byline, True
            close(i + 1)
            continue
        notice_so_far = bool(cur.lines) and _is_notice_label(cur.lines[0])
        ad_so_far = bool(cur.lines) and not cur.has_prose and any(_AD_SIGNAL.search(x) for x in cur.lines)
        if cur.lines and (
            markers.label_of(line)
            or markers.continued_from(line)
            or ((cur.has_prose or notice_so_far) and _opens_new_piece(lines, i, cuts, fragments))
            or (ad_so_far and not _AD_SIGNAL.search(line) and _starts_article(lines, i, fragments))
        ):
            close(i)
        if not cur.lines:
            cur.start = i
        cur.add(line, i)
        if markers.continues_on(line) and len(cur.lines) > 1:
            close(i + 1)  # "3면에 계속" ends the fragment printed on this page
        elif letter_spaced_name(line) and len(cur.lines) > 2 and cur.has_prose:
            # A column signed at its foot: the name, and the affiliation line under it when one follows.
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            after = lines[i + 2] if i + 2 < len(lines) else None
            if nxt is not None and len(nxt) <= 30 and not is_prose(nxt) and (after is None or not is_prose(after)):
                skip.add(i + 1)
                cur.add(nxt, i + 1)
            close(i + 2 if skip else i + 1)
    close(len(lines))
    return pieces


def _is_notice_label(line: str) -> bool:
    lab = markers.label_of(line)
    return bool(lab) and markers.kind_of_label(lab[0]) == "notice"


def _attach_late_byline(piece: _Piece, byline: Byline) -> None:
    """A byline or credit line that follows a closed piece (``/사진=광주시 제공`` under an article)."""
    if piece.byline is None:
        piece.byline = byline
    elif byline.name is None and byline.credit:
        piece.byline.credit = piece.byline.credit or byline.credit
        piece.credit_attached_late = True
    else:
        piece.byline.names.extend(n for n in byline.names if n not in piece.byline.names)


def _continues_after(lines: list[str], i: int, cuts: dict[int, BreakDecision], fragments: _LineEnds) -> bool:
    """Does the article go on after line i (so that line i is a caption set inside it)?"""
    if i + 1 >= len(lines):
        return False
    nxt = lines[i + 1]
    if parse_byline_line(nxt) or markers.label_of(nxt):
        return False
    if i > 0 and not ends_sentence(lines[i - 1]):
        return not _starts_article(lines, i + 1, fragments)
    return is_prose(nxt) and not _opens_new_piece(lines, i + 1, cuts, fragments)


def _opens_new_piece(lines: list[str], i: int, cuts: dict[int, BreakDecision], fragments: _LineEnds) -> bool:
    """Line i starts a new piece when it reads as a headline after a finished paragraph (or a notice's list item),
    and prose follows."""
    if i == 0 or (_is_cut_mid_word(cuts, i) and i not in fragments.finished):
        return False
    if not (ends_sentence(lines[i - 1]) or markers.is_bullet(lines[i - 1])):
        return False
    return _starts_article(lines, i, fragments)


def _starts_article(lines: list[str], i: int, fragments: _LineEnds) -> bool:
    """Line i reads as a headline (or an ad line), followed within a few short lines by prose."""
    line = lines[i]
    if _AD_SIGNAL.search(line) and not is_prose(line):
        return True
    if is_question_headline(line):
        return i + 1 < len(lines) and is_prose(lines[i + 1]) and not is_question_headline(lines[i + 1])
    if not is_headline_like(line) or len(line) > _NEW_HEADLINE_MAX_CHARS or i in fragments or _LEAD_DATE.match(line):
        return False
    if _reads_as_clause(line) and i not in fragments.finished and not _headline_clause(line, i, fragments):
        return False
    for j in range(i + 1, min(i + 2 + _MAX_SUBHEADLINES, len(lines))):
        nxt = lines[j]
        if split_trailing_byline(nxt) and j == i + 1:
            # A title and a captioned photo, unless prose goes on after the caption: then line i is a
            # paragraph cut by a column and the caption was printed inside the article.
            after = lines[j + 1] if j + 1 < len(lines) else None
            return after is None or parse_byline_line(after) is not None or _starts_article(lines, j + 1, fragments)
        if letter_spaced_name(nxt):
            return False
        if is_prose(nxt) or (markers.is_bullet(nxt) and not _AD_SIGNAL.search(nxt)) or split_wire_opening(nxt):
            return True
        if parse_byline_line(nxt) or not (len(nxt) <= _SUBHEADLINE_MAX_CHARS):
            return False
    return False


def _build(piece: _Piece, cuts: dict[int, BreakDecision], fragments: _LineEnds) -> list[tuple[int, Article, list[str]]]:
    """Split a piece into its article(s): (first line index, article, body paragraphs before repair)."""
    lines = list(piece.lines)
    cut_after = {
        line: (_is_cut_mid_word(cuts, n) and n not in fragments.finished) or n in fragments
        for line, n in zip(piece.lines, piece.line_numbers, strict=True)
    }
    label = headline = None
    kind = "news"
    continues_from = None

    if lines and (lab := markers.label_of(lines[0])):
        label, rest = lab
        kind = markers.kind_of_label(label)
        lines = lines[1:]
        if rest:
            headline = rest
        elif lines and is_headline_like(lines[0]) and len(lines) > 1 and kind != "notice":
            headline = lines.pop(0)
        elif kind == "notice":
            headline = label  # [인사], [부고]: the label is the notice's title
    if lines and (cont := markers.continued_from(lines[0])):
        continues_from, rest = cont
        kind = "continuation"
        lines = [rest, *lines[1:]] if rest else lines[1:]

    leading_ad = _leading_ad_lines(lines) if kind == "news" and not label else 0
    if not leading_ad and kind == "news" and not label and _is_ad(lines, piece):
        return [(piece.start, Article(ordinal=0, kind="ad", body="\n".join(lines) or None), [])]
    out: list[tuple[int, Article, list[str]]] = []
    if leading_ad:
        out.append((piece.start, Article(ordinal=0, kind="ad", body="\n".join(lines[:leading_ad])), []))
        lines = lines[leading_ad:]

    byline = piece.byline
    columnist = _take_columnist(lines) if kind == "column" or (byline is None and kind == "news") else None
    if columnist:
        byline, lines = columnist
        kind = "column" if kind == "news" and label else kind

    if _is_photo(piece, lines, label, continues_from):
        kind = "photo"
        title, caption = _photo_title_and_caption(lines, piece.caption_title_words)
        article = Article(ordinal=0, kind=kind, headline=title, byline=byline, body=caption or None)
        out.append((piece.start + leading_ad, article, []))
        return out

    heading_end = _heading_end(lines, headline is not None or kind in ("continuation", "notice"), cut_after)
    heading, body_lines = lines[:heading_end], lines[heading_end:]
    if headline is None and heading:
        headline = heading.pop(0)
    subheadlines = heading

    refs: list[int] = []
    paragraphs: list[str] = []
    continues_on = None
    for line in body_lines:
        found = markers.cross_refs(line)
        if found:
            refs.extend(found)
            line = markers.strip_cross_refs(line)
        if not line:
            continue
        paragraphs.append(line)
    if paragraphs and (cont := markers.continues_on(paragraphs[-1])):
        continues_on, rest = cont
        paragraphs[-1:] = [rest] if rest else []
    for sub in subheadlines:
        refs.extend(markers.cross_refs(sub))
    subheadlines = [markers.strip_cross_refs(s) for s in subheadlines if markers.strip_cross_refs(s)]
    if paragraphs and (wire := split_wire_opening(paragraphs[0])):
        rest, wire_byline = wire
        paragraphs[0] = rest
        byline = byline or wire_byline
        if byline is not wire_byline and byline.affiliation is None:
            byline.affiliation = wire_byline.affiliation

    article = Article(
        ordinal=0,
        kind=kind,
        headline=headline,
        subheadlines=subheadlines,
        label=label,
        byline=byline,
        cross_refs=sorted(set(refs)),
        continues_from=continues_from,
        continues_on=continues_on,
    )
    out.append((piece.start + leading_ad, article, paragraphs))
    return out


def _heading_end(lines: list[str], has_headline: bool, cut_after: dict[str, bool]) -> int:
    """Index of the first body line: headline and sub-headlines are short lines without a finished sentence."""
    limit = _MAX_SUBHEADLINES + (0 if has_headline else 1)
    for j, line in enumerate(lines):
        if j >= limit or (j == len(lines) - 1 and j > 0):
            return j
        if j == 0 and not has_headline and len(lines) > 1 and is_sentence_headline(line) and is_prose(line):
            continue
        if is_prose(line) or markers.is_bullet(line) or split_wire_opening(line) or len(line) > _SUBHEADLINE_MAX_CHARS:
            return j
        if j == 0 and not has_headline:
            continue
        # A line cut mid-word by a column (continued by the next line), or one that reads as the start of a
        # sentence (a topic and an object already marked) before prose, is already body text.
        if cut_after.get(line) or (j + 1 < len(lines) and _reads_as_sentence_start(line)):
            return j
    return len(lines)


# A verb's ending closing a line: a connective (모여, 나서), or one Kiwi reads as final (열려).
_VERB_ENDING_TAGS = frozenset({"EC", "EF"})
_QUOTATION_MARKS = (("‘", "’"), ("“", "”"), ("「", "」"), ("『", "』"), ("《", "》"), ("«", "»"))


def leaves_quotation_open(line: str) -> bool:
    """The line opens a quotation it does not close (``기상청은 제7호 태풍 ‘누``): a headline closes its
    quotations, so this is the first half of a paragraph cut by a column."""
    return line.count('"') % 2 == 1 or any(line.count(o) > line.count(c) for o, c in _QUOTATION_MARKS)


def _reads_as_clause(line: str) -> bool:
    """Two or more case-marked words (``시는 정원을``): a clause cut by a column, not a telegraphic headline."""
    if any(q in line for q in "\"'“”‘’"):
        return False  # a quoted headline may be a whole sentence
    marked = [w for w in line.split() if re.search(r"[가-힣](?:은|는|을|를|이|가|에서|으로|에게)$", w)]
    return len(marked) >= 2


def _headline_clause(line: str, i: int, fragments: _LineEnds) -> bool:
    """A headline written as a clause (``광장에서 추모 집회가 열려``): it closes on a verb whose ending ``-어/-아``
    is fused into the verb's last syllable, as headlines drop the final ending, and marks no topic (a body's
    sentence marks one: ``구청은 주민 의견을 모아``). A clause cut by a column more often closes on an ending of its
    own syllable (``간소화되고``, ``늘어나며``); a line that reads on into the next is already among the cut lines."""
    return i in fragments.fused_verb_ending and not _marks_topic(line)


def _fused_verb_ending(at_last: str, at_before: str) -> bool:
    """From the morphemes at a line's last two syllables (``CutTagger`` answers): a verb begins on the one before
    the last and runs into the last, where its ending is fused (열려: ``VV/열리`` then ``span``); not an ending of
    its own syllables (닫으며: ``EC/으며`` then ``span``; 되고: ``EC/고``)."""
    return at_last == "span" and at_before.startswith("V")


def _marks_topic(line: str) -> bool:
    return captions.marks_topic(line.split())


def _reads_as_sentence_start(line: str) -> bool:
    """A topic and an object already marked, or a lead's opening date set off by a comma (``지난 4일,``,
    ``2025년 9월 3일,``): the start of a body's first sentence, not a sub-headline."""
    marked = [w for w in line.split() if re.search(r"[가-힣](?:은|는|을|를)$", w)]
    return len(marked) >= 2 or bool(_LEAD_DATE.match(line))


def _is_ad(lines: list[str], piece: _Piece) -> bool:
    if piece.byline is not None or not lines:
        return False
    if not re.search(r"[가-힣A-Za-z]{2}", " ".join(lines)):
        return False
    signals = sum(1 for line in lines if _AD_SIGNAL.search(line) or _PRICE.search(line))
    prose = sum(1 for line in lines if is_prose(line))
    return signals >= 1 and prose <= len(lines) // 3


def _leading_ad_lines(lines: list[str]) -> int:
    """Ad lines glued before an article's headline: up to the last ad-signal line before any prose."""
    last = 0
    for j, line in enumerate(lines):
        if is_prose(line) or markers.is_bullet(line):
            break
        if _AD_SIGNAL.search(line):
            last = j + 1
    # Leave at least a headline and one body line, with prose, for the article.
    rest = lines[last:]
    return last if last and len(rest) >= 2 and any(is_prose(line) for line in rest) else 0


def _take_columnist(lines: list[str]) -> tuple[Byline, list[str]] | None:
    """A column's author, letter-spaced on a line of its own, and the affiliation line beside it."""
    for j, line in enumerate(lines):
        name = letter_spaced_name(line)
        if not name:
            continue
        affiliation = None
        rest = lines[:j] + lines[j + 1 :]
        for k in (j + 1, j - 1):
            if 0 <= k < len(lines) and k != j and _is_affiliation(lines[k]):
                affiliation = lines[k]
                rest = [x for n, x in enumerate(lines) if n not in (j, k)]
                break
        return Byline(name=name, names=[name], affiliation=affiliation), rest
    return None


def _is_affiliation(line: str) -> bool:
    return len(line) <= 40 and not is_prose(line) and not markers.is_bullet(line) and not ends_sentence(line)


def _is_photo(piece: _Piece, lines: list[str], label: str | None, continues_from: int | None) -> bool:
    if label or continues_from or not lines or piece.byline is None:
        return False
    text = " ".join(lines)
    if len(text) > _PHOTO_MAX_CHARS or len(lines) > 2:
        return False
    credit_only = piece.byline.name is None and bool(piece.byline.credit)
    photo_credit = (
        not piece.credit_attached_late
        and bool(piece.byline.credit)
        and "사진" in piece.byline.credit
        and "글" not in piece.byline.credit
    )
    return piece.inline_byline or credit_only or photo_credit


_CAPTION_TITLE = re.compile(r"""^(?P<title>[^'"‘“「『]{0,30}['"‘“「『][^'"’”」』]{1,25}['"’”」』])\s+(?P<rest>\S.*)$""")


def _photo_title_and_caption(lines: list[str], title_words: int | None = None) -> tuple[str | None, str]:
    """A photo's short title and its caption sentence (title and caption may share one line; ``title_words``
    is the title's length in words when the title runs straight into the caption)."""
    if title_words is not None and len(lines) == 1:
        words = lines[0].split()
        return " ".join(words[:title_words]), " ".join(words[title_words:])
    if len(lines) == 2 and is_headline_like(lines[0]):
        return lines[0], lines[1]
    text = " ".join(lines)
    m = _CAPTION_TITLE.match(text)
    if m and is_prose(m["rest"]) and not ends_sentence(m["title"]) and len(m["title"].split()) <= 6:
        title, rest = m["title"], m["rest"]
        # A title may go on after its quotation with a predicate: 청년연극제 '막' 오른다
        follow = re.match(r"^(\S+다)\s+(?=\S)", rest)
        if follow and is_prose(rest[follow.end() :]):
            title, rest = f"{title} {follow.group(1)}", rest[follow.end() :]
        return title, rest
    parts = re.split(r"\s{2,}", text, maxsplit=1)
    if len(parts) == 2 and is_headline_like(parts[0]):
        return parts[0], parts[1]
    return None, text


def _repair_candidates(pending: list[tuple[int, Article, list[str]]]) -> tuple[list[tuple[int, int]], list]:
    """Each (article, paragraph) that may continue into the next paragraph across a column break, and the pair."""
    candidates: list[tuple[int, int]] = []
    pairs: list[tuple[str, str]] = []
    for a, (_, _, paragraphs) in enumerate(pending):
        for p in range(len(paragraphs) - 1):
            before, after = paragraphs[p], paragraphs[p + 1]
            if is_break_candidate(before, after) and not markers.is_bullet(after):
                candidates.append((a, p))
                pairs.append((before, after))
    return candidates, pairs


def _repair_bodies(
    pending: list[tuple[int, Article, list[str]]], decisions: dict[tuple[int, int], BreakDecision]
) -> None:
    """Join the paragraphs each body's column breaks cut apart, as decided for each candidate."""
    for a, (_, article, paragraphs) in enumerate(pending):
        if article.kind == "ad":
            continue
        if not paragraphs:
            article.body = article.body if article.kind == "photo" else None
            continue
        merged: list[str] = [paragraphs[0]]
        for p in range(1, len(paragraphs)):
            decision = decisions.get((a, p - 1))
            stricter = article.kind == "notice" or markers.is_bullet(merged[-1])
            if decision and (not stricter or decision.nospace_margin > _CUT_WORD_MARGIN):
                merged[-1] = decision.join(merged[-1], paragraphs[p])
            else:
                merged.append(paragraphs[p])
        article.body = "\n\n".join(merged)
