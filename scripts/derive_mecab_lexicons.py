"""Derive sinmun's proper-noun lists from mecab-ko-dic's seed dictionary (Apache-2.0).

    python scripts/derive_mecab_lexicons.py GIT_DIR [--commit REV]

GIT_DIR is a clone (bare or not) of mecab-ko-dic (github.com/deepsearch-hq/mecab-ko-dic). The lists are read from
the commit's ``seed/*.csv`` with ``git show`` and written to ``src/sinmun/data/lexicon_*.txt``: surface forms only
(the first CSV field), Hangul or Latin, two characters or more, deduplicated, sorted by code point. Running it
again on the same commit gives the same files byte for byte.
"""

from __future__ import annotations

import argparse
import re
import subprocess
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "sinmun" / "data"
_FORM = re.compile(r"[가-힣A-Za-z][가-힣A-Za-z0-9 .&·-]*[가-힣A-Za-z0-9]")
# A person-name part inside a dictionary entry's analysis: ``가가와/NNP/인명``.
_PERSON_PART = re.compile(r"(?:^|[+,])([가-힣]{2,})/NNP/인명")

# list name -> (seed files, what it holds)
LISTS = {
    "lexicon_places.txt": (["seed/Place.csv", "seed/Place-station.csv"], "place names (domestic and foreign, 지명)"),
    "lexicon_organizations.txt": (["seed/Group.csv"], "organizations, companies, groups"),
    "lexicon_proper_nouns.txt": (["seed/Wikipedia.csv", "seed/NNP.csv"], "Wikipedia titles and other proper nouns"),
}
PERSON_LIST = "lexicon_person_names.txt"


def seed_rows(git_dir: Path, commit: str, path: str) -> list[list[str]]:
    text = subprocess.run(
        ["git", "-C", str(git_dir), "show", f"{commit}:{path}"], capture_output=True, check=True, text=True
    ).stdout
    return [line.split(",") for line in text.splitlines() if line]


def forms(rows: list[list[str]]) -> set[str]:
    return {row[0] for row in rows if _FORM.fullmatch(row[0])}


def write_list(name: str, names: set[str], header: str, provenance: dict[str, str]) -> None:
    body = "\n".join(sorted(names))
    (DATA / name).write_text(f"# {header}\n{body}\n", encoding="utf-8")
    (DATA / name).with_suffix(".md").write_text(
        f"""# {name}

{header[0].upper() + header.split(":")[0][1:]}, one per line ({len(names):,} names), a feature of the entity recognizer
(`sinmun.entities.recognizer`): membership is evidence the model weighs, never a decision by itself.

- **Source**: mecab-ko-dic, https://github.com/deepsearch-hq/mecab-ko-dic, commit {provenance["commit"]}
  ({provenance["commit_date"]}), files {provenance["files"]}.
- **Licence**: Apache License 2.0 (the repository's `COPYING`, checked in that commit).
- **Retrieved**: {provenance["retrieved"]}.
- **Derived** by `scripts/derive_mecab_lexicons.py` (run it on a clone of that commit to get this file byte for
  byte): {provenance["how"]}; Hangul or Latin forms of two characters or more; deduplicated and sorted.
""",
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("git_dir", type=Path)
    parser.add_argument("--commit", default="HEAD")
    parser.add_argument("--retrieved", default="2026-12-02", help="the date the copy was fetched (for the .md)")
    args = parser.parse_args()
    commit = subprocess.run(
        ["git", "-C", str(args.git_dir), "rev-parse", args.commit], capture_output=True, check=True, text=True
    ).stdout.strip()
    commit_date = subprocess.run(
        ["git", "-C", str(args.git_dir), "show", "-s", "--format=%cs", commit],
        capture_output=True,
        check=True,
        text=True,
    ).stdout.strip()
    provenance = {"commit": commit, "commit_date": commit_date, "retrieved": args.retrieved}
    for name, (paths, what) in LISTS.items():
        rows = [row for path in paths for row in seed_rows(args.git_dir, commit, path)]
        write_list(
            name,
            forms(rows),
            f"{what}: mecab-ko-dic {commit} {', '.join(paths)} (Apache-2.0)",
            provenance
            | {"files": ", ".join(f"`{p}`" for p in paths), "how": "each entry's surface form (first CSV field)"},
        )
    seed_files = subprocess.run(
        ["git", "-C", str(args.git_dir), "ls-tree", "--name-only", commit, "seed/"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout.split()
    people: set[str] = set()
    for path in seed_files:
        if not path.endswith(".csv"):
            continue
        try:
            rows = seed_rows(args.git_dir, commit, path)
        except subprocess.CalledProcessError:  # a file the copy holds only as a pointer
            continue
        for row in rows:
            people.update(_PERSON_PART.findall(",".join(row)))
    write_list(
        PERSON_LIST,
        people,
        f"person-name parts (…/NNP/인명 in entries' analyses): mecab-ko-dic {commit} seed/*.csv (Apache-2.0)",
        provenance
        | {
            "files": "`seed/*.csv`",
            "how": "every morpheme tagged `NNP/인명` inside an entry's analysis column (`가가와/NNP/인명`); "
            "`seed/Person.csv` itself was not in the copy (stored as a large-file pointer)",
        },
    )


if __name__ == "__main__":
    main()
