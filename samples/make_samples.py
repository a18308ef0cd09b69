#!/usr/bin/env python3
"""Write the sample pages and their gold readings from one source: the texts in ``samples/texts/``.

Each page is rendered from its pieces (see ``pieces.py``), so the page text and the
gold reading cannot disagree. Deterministic: running it again rewrites the same bytes.

    python3 samples/make_samples.py

writes ``samples/inbox/<publication>/<date>/<page>.txt``, the encoding variants in
``samples/encodings/`` and ``tests/golden/<publication>_<date>_<page>.gold.json``
(``tests/golden/enc_<name>.gold.json`` for the variants).
"""

from __future__ import annotations

import json
import shutil
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOLDEN = ROOT / "tests" / "golden"
sys.path.insert(0, str(HERE))

from pieces import PAPERS, Page  # noqa: E402

# Encoding variants: name -> (publication, date, page of the page they copy, how its text becomes bytes).
ENCODINGS = {
    "cp949": (("bitgoeul", "2024-03-12", 14), lambda t: t.encode("cp949")),
    "utf8_bom": (("namdo", "2024-03-06", 6), lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
    "utf16": (("seohae", "2024-03-08", 5), lambda t: t.encode("utf-16")),
    "crlf": (("bitgoeul", "2024-03-08", 8), lambda t: t.replace("\n", "\r\n").encode("utf-8")),
    "nfd": (("namdo", "2024-03-14", 10), lambda t: unicodedata.normalize("NFD", t).encode("utf-8")),
}


def all_pages() -> list[Page]:
    from texts import bitgoeul, namdo, seohae

    return bitgoeul.PAGES + namdo.PAGES + seohae.PAGES


def dump(obj: dict) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def main() -> None:
    pages = all_pages()
    keys = [(p.publication, p.date, p.page) for p in pages]
    assert len(set(keys)) == len(keys), "two pages with the same publication, date and page"
    for folder in ("inbox", "encodings"):
        shutil.rmtree(HERE / folder, ignore_errors=True)
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for old in GOLDEN.glob("*.gold.json"):
        if old.name.split("_")[0] in (*PAPERS, "enc"):
            old.unlink()
    by_key = {}
    for p in pages:
        text = p.text()
        assert "¦" not in text
        path = HERE / p.relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        (GOLDEN / f"{p.publication}_{p.date}_{p.page}.gold.json").write_bytes(dump(p.gold()))
        by_key[(p.publication, p.date, p.page)] = p
    (HERE / "encodings").mkdir()
    for name, (key, encode) in ENCODINGS.items():
        p = by_key[key]
        (HERE / "encodings" / f"enc_{name}.txt").write_bytes(encode(p.text()))
        gold = p.gold(source=f"encodings/enc_{name}.txt")
        gold["note"] += f" The text of {p.relpath}, saved as {name}."
        (GOLDEN / f"enc_{name}.gold.json").write_bytes(dump(gold))
    cuts = sum(len(a.body.repairs) for p in pages for a in p.pieces if a.body)
    print(
        f"{len(pages)} pages, {sum(len(p.pieces) for p in pages)} pieces, {cuts} column breaks, "
        f"{len(ENCODINGS)} encoding variants"
    )


if __name__ == "__main__":
    main()
