"""Saved analyses (``sql/analyses/``): what each answers and the parameters it takes, read from its own header.

The header is the one place a saved analysis declares itself; ``sinmun analyses`` lists it and ``sinmun sql
--analysis NAME`` checks and fills the parameters from it::

    -- Top entities by period: which people, organizations or places are mentioned most, ...
    -- Parameters:
    --   $entity_type  one of PERSON | ORG | LOCATION, default PERSON: the kind of entity
    --   $top          integer, default 10: how many per period
    --   $date_from    date, default none: first publication date (none: no bound)

A parameter is ``integer``, ``date``, ``text`` or ``one of A | B | ...`` (exactly as written, case included); without
a default it must be given; ``default none`` binds NULL. An analysis without parameters says ``-- Parameters: none``.

The same checks serve any query: a ``--param`` the query does not use is an error, never a silent 0 rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sinmun.sql_files import sql, sql_dir

PARAMETER_LINE = re.compile(
    r"--\s+\$(?P<name>\w+)\s+(?P<kind>one of [^,:]+?|integer|date|text)"
    r"(?:,\s*default\s+(?P<default>[^:]+?))?\s*(?::\s*(?P<doc>.*))?"
)
NO_DEFAULT = object()


class ParameterError(ValueError):
    """A ``--param`` the query does not take, or a value its declaration refuses (one line)."""


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str  # integer, date, text, or one of
    choices: tuple[str, ...] = ()
    default: Any = NO_DEFAULT  # None binds NULL
    doc: str = ""

    @property
    def required(self) -> bool:
        return self.default is NO_DEFAULT

    def describe(self) -> str:
        kind = "one of " + " | ".join(self.choices) if self.choices else self.kind
        default = "required" if self.required else f"default {'none' if self.default is None else self.default}"
        return f"${self.name}  {kind}, {default}" + (f": {self.doc}" if self.doc else "")

    def value(self, text: str) -> Any:
        """The bound value of ``--param name=text``; ParameterError naming what is wrong."""
        if self.choices:
            if text in self.choices:
                return text
            near = [c for c in self.choices if c.lower() == text.lower()]
            hint = f" (did you mean {near[0]}?)" if near else ""
            raise ParameterError(f"--param {self.name}={text}: not one of {' | '.join(self.choices)}{hint}")
        if self.kind == "integer":
            if not re.fullmatch(r"[+-]?\d+", text.strip()):
                raise ParameterError(f"--param {self.name}={text}: not a whole number")
            return int(text)
        if self.kind == "date":
            try:
                return date.fromisoformat(text)
            except ValueError:
                raise ParameterError(f"--param {self.name}={text}: not a date (YYYY-MM-DD)") from None
        return text


@dataclass(frozen=True)
class Analysis:
    name: str
    answers: str
    parameters: tuple[Parameter, ...]
    text: str

    def bind(self, given: dict[str, str]) -> dict[str, Any]:
        """The parameters to bind: ``given`` checked against the declaration, defaults filled in."""
        declared = {p.name: p for p in self.parameters}
        unknown = sorted(set(given) - set(declared))
        if unknown:
            raise ParameterError(f"{self.name} takes no parameter {unknown[0]!r}; it takes {_names(declared)}")
        missing = [p.name for p in self.parameters if p.required and p.name not in given]
        if missing:
            raise ParameterError(f"{self.name} needs --param {missing[0]}=… ({declared[missing[0]].describe()})")
        return {
            name: parameter.value(given[name]) if name in given else parameter.default
            for name, parameter in declared.items()
        }


def _names(parameters) -> str:
    return ", ".join(parameters) if parameters else "none"


def parse_header(name: str, text: str) -> Analysis | None:
    """The analysis a SQL text declares in its leading comment, or None when it declares no parameters."""
    header = []
    for line in text.splitlines():
        if not line.startswith("--"):
            break
        header.append(line.rstrip())
    declaration = next((i for i, line in enumerate(header) if line.startswith("-- Parameters:")), None)
    if declaration is None:
        return None
    answers = " ".join(line.removeprefix("--").strip() for line in header[:declaration])
    parameters = []
    for line in header[declaration + 1 :]:
        match = PARAMETER_LINE.fullmatch(line)
        if not match:
            if re.match(r"--\s+\$", line):
                raise ParameterError(f"{name}: cannot read the parameter line {line!r}")
            continue
        kind = match["kind"]
        choices = tuple(c.strip() for c in kind.removeprefix("one of ").split("|")) if kind.startswith("one of") else ()
        parameter = Parameter(match["name"], "one of" if choices else kind, choices, doc=(match["doc"] or "").strip())
        if match["default"] is not None:
            default = match["default"].strip()
            parameter = Parameter(**{**parameter.__dict__, "default": None if default == "none" else default})
            if default != "none":
                parameter.value(default)  # a default the declaration refuses is the file's error
        parameters.append(parameter)
    return Analysis(name, answers, tuple(parameters), text)


def analysis_names() -> list[str]:
    return sorted(path.stem for path in (sql_dir() / "analyses").glob("*.sql"))


def load_analysis(name: str) -> Analysis:
    """The saved analysis ``name`` (a file of ``sql/analyses/``); ParameterError naming those there are."""
    if name not in analysis_names():
        raise ParameterError(f"no saved analysis {name!r}; there are {', '.join(analysis_names())}")
    text = sql(f"analyses/{name}")
    analysis = parse_header(name, text)
    if analysis is None:
        raise ParameterError(f"sql/analyses/{name}.sql has no '-- Parameters:' header")
    return analysis


def bind_query_parameters(text: str, given: dict[str, str], *, source: Path | None = None) -> dict[str, Any]:
    """The parameters for a query's text: checked against its header when it declares them, else against the
    ``$names`` the query uses (an unused ``--param`` is an error)."""
    declared = parse_header(source.stem if source else "the query", text)
    if declared is not None:
        return declared.bind(given)
    used = _named_parameters(text)
    unknown = sorted(set(given) - used)
    if unknown:
        raise ParameterError(f"the query has no ${unknown[0]}; its parameters: {_names(sorted(used))}")
    return dict(given)


def _named_parameters(text: str) -> set[str]:
    import duckdb

    try:
        return set().union(*(s.named_parameters for s in duckdb.extract_statements(text)))
    except duckdb.Error:
        return set()  # the runner refuses the text itself, with DuckDB's message
