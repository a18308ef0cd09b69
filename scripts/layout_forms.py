#!/usr/bin/env python3
"""The reader's figures per layout form on gold pages: how often each printed form is read right.

    python3 scripts/layout_forms.py PAGES_DIR 'CMD {path} {args}' [--failures]

PAGES_DIR holds page files and their golds (``*.gold.json``, the format of ``../shared/reference``, with the
``layout`` block and the per-article ``page_byline``, ``byline_placement`` and ``column_break_detail`` of
``../shared/data/realprose_dev``). CMD is run once per page through the shell, as ``layout_score.py`` runs it:
``{path}`` becomes the page file (beside the gold, else in PAGES_DIR), ``{args}`` the ``--date``, ``--page`` and
``--publication`` options the gold's manifest gives. A page whose header prints its date or page number is run
once more with only ``--publication``, so the page's metadata must come from its header (the "header probe").

Pieces are paired with gold articles as the scorer pairs them: each gold article in turn takes the unpaired
piece most like it (an ad any ad; anything else by its headline or the first 300 characters of its body,
whichever is closer), if at least 0.6 alike. Printed per form: found/total and the percentage. With
``--failures``, every miss follows its form's line. A measuring tool (it reads golds outside the repository), not
part of the package.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

PAIRING_MIN_LIKENESS = 0.6
BODY_PREFIX_CHARS = 300
# Header forms (the gold's layout.header) and what each prints: every form prints the page number, only these the date.
HEADER_FORMS_PRINTING_DATE = {"masthead", "even", "issue"}
BYLINE_MARKS = {"/": "/", "◇": "◇", "◆": "◇"}
CLOSING_QUOTES = "\"'”’」』)]"


def spaced(text: str | None) -> str:
    return " ".join((text or "").split())


def unspaced(text: str | None) -> str:
    return "".join((text or "").split())


def likeness(a: str | None, b: str | None) -> float:
    a, b = spaced(a), spaced(b)
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def pair_pieces(gold_articles: list[dict], pieces: list[dict]) -> dict[int, dict]:
    """gold article index -> the piece read for it (gold articles without one are absent)."""
    paired: dict[int, dict] = {}
    taken: set[int] = set()
    for g_index, gold in enumerate(gold_articles):
        best_index, best = None, 0.0
        for p_index, piece in enumerate(pieces):
            if p_index in taken:
                continue
            if gold.get("kind") == "ad":
                alike = 1.0 if piece.get("kind") == "ad" else 0.0
            else:
                by_headline = likeness(gold.get("headline"), piece.get("headline")) if gold.get("headline") else 0.0
                by_body = likeness(
                    (gold.get("body") or "")[:BODY_PREFIX_CHARS], (piece.get("body") or "")[:BODY_PREFIX_CHARS]
                )
                alike = max(by_headline, by_body)
            if alike > best:
                best_index, best = p_index, alike
        if best_index is not None and best >= PAIRING_MIN_LIKENESS:
            paired[g_index] = pieces[best_index]
            taken.add(best_index)
    return paired


def page_file(gold_path: Path, gold: dict, pages_dir: Path) -> Path:
    beside = gold_path.parent / gold["source"]
    return beside if beside.exists() else pages_dir / gold["source"]


def option_args(manifest: dict, keys: tuple[str, ...]) -> list[str]:
    args = []
    for key in keys:
        if manifest.get(key):
            args += [f"--{key}", str(manifest[key])]
    return args


def run_parse(command: str, page: Path, args: list[str]) -> dict:
    full = command.replace("{path}", shlex.quote(str(page))).replace("{args}", " ".join(map(shlex.quote, args)))
    done = subprocess.run(full, shell=True, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        last_line = (done.stderr.strip().splitlines() or ["(no message)"])[-1]
        print(f"{page.name}: parse failed (exit {done.returncode}): {last_line[:200]}", file=sys.stderr)
        return {"articles": []}
    return json.loads(done.stdout)


class Tally:
    """found/total per form, with what was missed."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.misses: dict[str, list[str]] = defaultdict(list)
        self.order: list[str] = []

    def add(self, form: str, found: bool, miss: str) -> None:
        if form not in self.counts:
            self.order.append(form)
        self.counts[form][0] += int(found)
        self.counts[form][1] += 1
        if not found:
            self.misses[form].append(miss)

    def lines(self, with_failures: bool) -> list[str]:
        out = []
        for form in sorted(self.order):
            found, total = self.counts[form]
            out.append(f"{form:<48} {found:>4}/{total:<4} {100 * found / total:6.1f}%")
            if with_failures:
                out += [f"    miss: {m}" for m in self.misses[form]]
        return out


def printed_byline_form(page_byline: str) -> str:
    return BYLINE_MARKS.get(page_byline[:1], "plain")


def byline_read_right(gold_byline: dict, piece: dict) -> bool:
    read = piece.get("byline") or {}
    same_name = unspaced(read.get("name")) == unspaced(gold_byline.get("name"))
    if gold_byline.get("names"):  # several reporters: the same names, in any order
        same_name = same_name or set(map(unspaced, read.get("names") or [])) == set(map(unspaced, gold_byline["names"]))
    return same_name and (read.get("email") or None) == (gold_byline.get("email") or None)


def ends_in_mark(headline: str) -> bool:
    return headline.rstrip().rstrip(CLOSING_QUOTES)[-1:] in {"?", "!", "."}


def paragraph_of(body: str, text: str) -> str:
    """'lead' when ``text`` is in the gold body's first paragraph, else 'later'."""
    first = body.split("\n\n", 1)[0]
    return "lead" if unspaced(text) in unspaced(first) else "later"


def tally_articles(tally: Tally, page_name: str, gold_articles: list[dict], pieces: list[dict]) -> None:
    paired = pair_pieces(gold_articles, pieces)
    for index, gold in enumerate(gold_articles):
        piece = paired.get(index)
        found = piece is not None
        piece = piece or {}
        where = f"{page_name} #{gold.get('ordinal', index + 1)}"
        if gold.get("kind") == "photo":
            tally.add(
                "caption titles (photo pieces)",
                spaced(piece.get("headline")) == spaced(gold.get("headline")),
                f"{where} gold {gold.get('headline')!r} read {piece.get('headline')!r}",
            )
        if gold.get("headline") and ends_in_mark(gold["headline"]):
            tally.add(
                "headlines ending in ? ! .",
                spaced(piece.get("headline")) == spaced(gold["headline"]),
                f"{where} gold {gold['headline']!r} read {piece.get('headline')!r}",
            )
        gold_byline = gold.get("byline") or {}
        if gold_byline.get("name") and gold.get("page_byline"):
            right = byline_read_right(gold_byline, piece)
            miss = f"{where} printed {gold['page_byline']!r} read {piece.get('byline')}"
            tally.add(f"bylines printed {printed_byline_form(gold['page_byline'])}", right, miss)
            placement = gold.get("byline_placement") or "unknown"
            if placement == "inline":
                placement = "end of caption" if gold.get("kind") == "photo" else "end of paragraph"
            tally.add(f"bylines placed: {placement}", right, miss)
        if gold.get("kind") != "ad" and not gold_byline.get("name"):
            tally.add("articles without a byline found", found, f"{where} {gold.get('headline')!r} not found")
        if (
            index > 0
            and gold_articles[index - 1].get("kind") != "ad"
            and not (gold_articles[index - 1].get("byline") or {}).get("name")
        ):
            tally.add("articles after one without a byline found", found, f"{where} {gold.get('headline')!r} not found")
        if gold.get("kind") == "ad":
            tally.add("ads found", found, f"{where} ad not found")
        body = piece.get("body") or ""
        for cut in gold.get("column_break_detail") or []:
            joined = cut["repair"] in body
            miss = f"{where} {cut['page_text']!r} must read {cut['repair']!r}"
            tally.add(f"column breaks joined right: {cut['type']}", joined, miss)
            tally.add(
                f"column breaks joined right: {cut['type']}, {paragraph_of(gold.get('body') or '', cut['repair'])} "
                "paragraph",
                joined,
                miss,
            )


def tally_header(tally: Tally, label: str, page_name: str, form: str, expected: dict, source: dict) -> None:
    """Date and page as the reader inferred them, against what the header prints (``expected``)."""
    if form in HEADER_FORMS_PRINTING_DATE:
        tally.add(
            f"{label}: date inferred, header {form}",
            source.get("publication_date") == expected["date"],
            f"{page_name} expected {expected['date']} read {source.get('publication_date')}",
        )
    tally.add(
        f"{label}: page inferred, header {form}",
        source.get("page") == expected["page"],
        f"{page_name} expected {expected['page']} read {source.get('page')}",
    )


def measure(pages_dir: Path, command: str) -> tuple[Tally, Tally, int]:
    articles, headers = Tally(), Tally()
    golds = sorted(pages_dir.glob("*.gold.json"))
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        page = page_file(gold_path, gold, pages_dir)
        manifest = gold.get("manifest") or {}
        read = run_parse(command, page, option_args(manifest, ("date", "page", "publication")))
        tally_articles(articles, page.name, gold["articles"], read.get("articles") or [])
        layout = gold.get("layout") or {}
        form = layout.get("header")
        if gold.get("expect_inferred"):
            expected = {"date": gold["expect_inferred"]["publication_date"], "page": gold["expect_inferred"]["page"]}
            tally_header(headers, "as scored", page.name, form or "none", expected, read.get("source") or {})
        if form:
            if manifest.get("date") or manifest.get("page"):
                probe = run_parse(command, page, option_args(manifest, ("publication",)))
            else:
                probe = read
            expected = {"date": layout.get("page_header_date"), "page": layout.get("page")}
            tally_header(headers, "header probe", page.name, form, expected, probe.get("source") or {})
    return articles, headers, len(golds)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages_dir", type=Path, help="folder of page files and their *.gold.json")
    parser.add_argument(
        "command", help="parse command with {path} and {args}, e.g. '.venv/bin/sinmun parse {path} {args}'"
    )
    parser.add_argument("--failures", action="store_true", help="list every miss under its form")
    options = parser.parse_args(argv)
    if not options.pages_dir.is_dir():
        print(f"layout_forms: {options.pages_dir} is not a folder", file=sys.stderr)
        return 2
    articles, headers, page_count = measure(options.pages_dir, options.command)
    for line in headers.lines(options.failures) + articles.lines(options.failures):
        print(line)
    print(f"over {page_count} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
