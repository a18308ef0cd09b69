"""What `sinmun sql`, `search` and `report` say when a query or an output cannot be, through the real CLI on the sample
warehouse: one line on stderr, exit 2, DuckDB's hints kept, and "refused" only where a guard rail refused.

(Unknown and wrong-case `--param` values, `--publication` by code or name and `--out x.parquet` are checked by
test_analyst_commands.py on the same warehouse.)"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import SampleWarehouse

pytestmark = pytest.mark.integration  # the real `sinmun` command on the sample warehouse


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]  # {out} is a folder of the test's own
    says: tuple[str, ...]
    refused: bool  # a guard rail's refusal: the line says "refused:"


CASES = [
    Case("sql -f of a file that is not there", ("sql", "-f", "{out}/missing.sql"),
         ("cannot read", "missing.sql: No such file or directory"), refused=False),
    Case("--out into a folder that is not there", ("sql", "select 1 as x", "--out", "{out}/nodir/x.csv"),
         ("cannot write", "nodir/x.csv: no folder"), refused=False),
    Case("a table name misspelt", ("sql", "select * from fct_articl"),
         ("Catalog Error: Table with name fct_articl does not exist!", 'Did you mean "fct_article"?'), refused=False),
    Case("a column name misspelt", ("sql", "select headlin from fct_article"),
         ('Referenced column "headlin" not found', 'Candidate bindings: "headline"'), refused=False),
    Case("not SQL", ("sql", "selec 1"), ('not valid SQL: Parser Error: syntax error at or near "selec"',),
         refused=False),
    Case("a write", ("sql", "delete from fct_article"), ("DELETE statements are not allowed",), refused=True),
    Case("a file read", ("sql", "select * from read_csv('/etc/hostname')"),
         ("Permission Error", "disabled by configuration"), refused=True),
    Case("an --out that exists", ("sql", "select 1 as x", "--out", "{out}/exists.csv"),
         ("exists.csv exists: add --force to replace it",), refused=True),
    Case("a report into a folder that is a file", ("report", "--out", "{out}/exists.csv/report.html"),
         ("cannot write", "exists.csv/report.html: File exists"), refused=False),
    Case("search for an unknown kind", ("search", "광주시", "--kind", "기사"), ("unknown kind '기사'; one of news",),
         refused=False),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_analysts_commands_errors_are_one_line(
    case: Case, samples_warehouse: SampleWarehouse, sinmun_bin: Path, tmp_path: Path
):
    (tmp_path / "exists.csv").write_text("x\n1\n", encoding="utf-8")
    args = [arg.format(out=tmp_path) for arg in case.args]
    run = subprocess.run(
        [str(sinmun_bin), *args, "--warehouse", str(samples_warehouse.published)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 2, (run.returncode, run.stdout, run.stderr)
    assert run.stdout == "" and "Traceback" not in run.stderr
    [line] = run.stderr.strip().splitlines()
    for fragment in case.says:
        assert fragment in line, line
    assert line.startswith(f"sinmun {args[0]}: refused: ") == case.refused, line
    assert "LINE 1" not in line, "DuckDB's drawing of the query stays out of the one line"
