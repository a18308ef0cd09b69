"""Nothing user-supplied becomes SQL text, a file name to execute, or an attached database."""

from __future__ import annotations

import re

import pytest

from sinmun.store import warehouse
from tests.conftest import ROOT


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "/etc/passwd",
        "load/insert_fct_article; drop table x",
        "checks/../ddl/fct_article",
        "Load/X",
        "",
    ],
)
def test_only_names_of_sinmuns_own_sql_files_are_read(name):
    with pytest.raises(ValueError, match="not the name of one of sinmun's SQL files"):
        warehouse.sql(name)


def test_every_sql_file_name_is_accepted():
    names = [p.relative_to(ROOT / "sql").with_suffix("").as_posix() for p in (ROOT / "sql").glob("*/*.sql")]
    assert len(names) > 50
    for name in names:
        assert warehouse.sql(name).strip(), name


def test_no_database_is_ever_attached_and_no_sql_is_built_from_text_in_python():
    """SQL lives in sql/; Python never attaches a database nor formats values into a statement."""
    attach = re.compile(r"\battach\b", re.IGNORECASE)
    formatted_sql = re.compile(r"""\.execute\(\s*f["']""")
    for path in [*(ROOT / "src").rglob("*.py"), *(ROOT / "flows").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        assert not formatted_sql.search(text), f"{path}: SQL built with an f-string"
        for line in text.splitlines():
            if attach.search(line) and "refused" not in line and "ATTACH" not in line:
                pytest.fail(f"{path}: {line.strip()}")
    for path in (ROOT / "sql").rglob("*.sql"):
        assert not attach.search(path.read_text(encoding="utf-8")), path
