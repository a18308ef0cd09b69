"""Bad input through the real `sinmun ingest` command line: every kind of broken, odd or hostile page file.

One inbox holds a few good sample pages and a matrix of composed page files (encodings, damaged bytes,
binaries renamed `.txt`, empty and furniture-only pages, a page too large, files still being written, a
symlink leading out of the inbox, names with spaces and Hangul). One module-scoped ingest run checks them all
at once; a second run picks up what was deferred, skips a copy and loads a new version of a page; a
`quarantine retry` puts the refused files back after one of them was fixed. A separate small run covers a
manifest row pointing outside the inbox, and a file the ingest is not allowed to read.

For every case: the expected outcome (loaded with the right text, or quarantined with the exact reason), the
file moved to the quarantine folder with its bytes unchanged, nothing lost (every file of the inbox loaded,
quarantined, skipped as a duplicate or deferred) and each run reconciling (seen = loaded + duplicates +
quarantined; articles counted in the ledger = articles loaded). `sinmun parse` is asked about the same files.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import shutil
import struct
import subprocess
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.helpers.cli_runs import (
    Run,
    assert_reconciles,
    file_state,
    ingest_run,
    run_cli,
    run_ids,
    sha256,
    tree_state,
)
from tests.helpers.warehouse import copy_samples, layout_row, query, write_manifest

pytestmark = pytest.mark.integration  # the real `sinmun` command in a subprocess

GOOD = ["bitgoeul/2024-03-05/1.txt", "namdo/2024-03-06/6.txt", "seohae/2024-03-07/1.txt"]
CHANGED_PAGE = "namdo/2024-03-06/6.txt"  # given new content before the second run: a new version
COPIED_PAGE = "seohae/2024-03-07/1.txt"  # copied under a new name before the second run: a duplicate
FIXED = "bad/furniture-only.txt"  # fixed in the quarantine folder before the retry
MAX_PAGE_MB = 1
HUGE_BYTES = 4 * 1024**3  # a sparse file: refused by its size, never read


# ---------------------------------------------------------------------------------------------------------------
# Page texts (composed for this test)

WEEKDAYS = {2: "화요일", 3: "수요일", 4: "목요일", 5: "금요일"}


def header(day: int, page: int, section: str = "지역") -> str:
    return f"2024년 4월 {day}일 {WEEKDAYS[day]} 제{9000 + day}호 빛고을신문 {page}면 {section}"


def compose(headline: str, paragraphs: list[str], *, head: str | None = None, byline: str = "/한별 기자") -> str:
    return "\n\n".join([*([head] if head else []), headline, *paragraphs, byline]) + "\n"


def body_of(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


BOM_HEADLINE = "청계면 주민들 손으로 만든 저수지 산책길"
BOM_PARAS = [
    "무안군 청계면 주민들이 마을 앞 저수지 둘레에 산책길을 새로 냈다고 1일 밝혔다.",
    "주민 마흔 명이 지난겨울 동안 직접 돌을 고르고 흙을 다졌다.",
]
CP949_HEADLINE = "골목 식당가에 새 간판 셋"
CP949_PARAS = [
    "읍내 시장 뒷골목에 '똠방 국밥'과 '햏살 분식', '뷁뷁 떡볶이'가 나란히 문을 열었다.",
    "상인회는 세 가게 모두 청년 창업 지원을 받아 문을 열었다고 전했다.",
]
EUCKR_HEADLINE = "영산강 둔치 유채꽃 축제 준비 한창"
EUCKR_PARAS = [
    "나주시는 영산강 둔치 3만 제곱미터에 심은 유채가 꽃을 피우기 시작해 이달 중순 축제를 연다고 2일 밝혔다.",
    "시는 축제 기간 둔치까지 오가는 무료 버스를 하루 열두 차례 운행한다.",
]
UTF16_HEADLINE = "섬마을 학교에 원격 수업 교실 문 열어"
UTF16_PARAS = [
    "신안군 한 섬마을 초등학교에 육지 학교와 함께 수업하는 원격 교실이 문을 열었다.",
    "학생들은 화면 너머 친구들과 과학 실험을 함께 했다.",
]
UTF16BE_HEADLINE = "갯벌 체험장 안전 요원 늘린다"
UTF16BE_PARAS = ["보성군은 봄철 갯벌 체험객이 늘어 안전 요원을 두 배로 늘린다고 밝혔다."]
# Column breaks cut these paragraphs ("밝혔" / "다.", "네 명" / "배치하기로"): the reader joins them.
BREAK_HEADLINE = "재첩 잡이 체험 두 배로 늘린다"
BREAK_PARAS = [
    "섬진강 하류 마을 주민들이 봄마다 열던 재첩 잡이 체험 행사를 올해는 두 배로 늘린다고 밝혔",
    "다. 행사는 다음달 첫째 주 주말부터 여섯 차례 열린다.",
    "마을 운영위원회는 체험객이 늘면서 강변 주차장과 화장실을 새로 고치고, 어린이를 위한 안전 요원도 네 명",
    "배치하기로 했다.",
]
# The first syllables' CP949 bytes (화 C8 AD, 창 C3 A2) happen to be valid UTF-8 as well.
UTF8LIKE_HEADLINE = "화창한 봄날 섬마을 분교 운동회"
UTF8LIKE_PARAS = ["완도군 한 섬마을 분교에서 전교생 일곱 명과 주민들이 함께하는 봄 운동회가 열렸다."]
HANGUL_HEADLINE = "광주천 징검다리 새로 놓는다"
HANGUL_PARAS = [
    "광주천을 건너는 징검다리 세 곳이 이달 안에 새로 놓인다.",
    "구청은 장마 전에 공사를 마칠 계획이라고 밝혔다.",
]
FRESH_HEADLINE = "시립도서관 야간 열람실 다시 연다"
FRESH_PARAS = ["시립도서관이 공사로 닫았던 야간 열람실을 다음주부터 다시 연다."]
FIXED_HEADLINE = "북구 골목 정원 가꾸기 봉사단 출범"
FIXED_PARAS = ["광주 북구 주민 서른 명이 골목 화단을 함께 가꾸는 봉사단을 꾸렸다."]
BROKEN_HEADLINE = "옛 전산 자료 옮기다 깨진 기사"  # the UTF-8 part of the page with a CP949 line

BREAK_LF = compose(BREAK_HEADLINE, BREAK_PARAS, head=header(2, 36))


def mixed_line_ends(text: str) -> bytes:
    """The same text with its line ends cycling through LF, CRLF and CR."""
    ends = ("\n", "\r\n", "\r")
    lines = text.split("\n")
    out = [line + ends[i % 3] for i, line in enumerate(lines[:-1])] + [lines[-1]]
    return "".join(out).encode()


def utf8_with_cp949_line(bom: bool) -> tuple[bytes, int]:
    """A UTF-8 page with one line pasted from a CP949 file; the offset of its first byte."""
    prefix = (codecs.BOM_UTF8 if bom else b"") + f"{header(2, 40)}\n\n{BROKEN_HEADLINE}\n\n".encode()
    line = "옛 시스템에서 옮긴 문장이 이 줄에 남았다.\n\n".encode("cp949")
    suffix = "남은 문단은 다시 UTF-8로 쓰였다.\n\n/한별 기자\n".encode()
    return prefix + line + suffix, len(prefix)


def truncated_utf8() -> tuple[bytes, int]:
    """A UTF-8 page cut inside its last 3-byte Hangul character; the offset of that character."""
    prefix = f"{header(2, 41)}\n\n잘린 파일의 제목\n\n군은 다음달부터 주말마다 걷기 모임을 열 계".encode()
    return prefix + "획".encode()[:2], len(prefix)


def truncated_utf16() -> tuple[bytes, int]:
    """A UTF-16 page (with BOM) one byte short: its last code unit starts at len - 2 of the whole text."""
    full = compose("반쪽 난 유니코드 문서", ["마지막 글자의 절반이 없다."]).encode("utf-16")
    return full[:-1], len(full) - 2


def with_nul(text: str, *, bom: bool = False) -> bytes:
    data = text.encode()
    cut = data.index("주민".encode())
    return (codecs.BOM_UTF8 if bom else b"") + data[:cut] + b"\x00" + data[cut:]


def png_bytes() -> bytes:
    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    pixels = b"".join(b"\x00" + bytes((x * 7 + y * 13) % 256 for x in range(32)) for y in range(32))
    ihdr = struct.pack(">IIBBBBB", 32, 32, 8, 0, 0, 0, 0)  # 32x32, 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(pixels)) + chunk(b"IEND", b"")


def pdf_bytes() -> bytes:
    stream = zlib.compress(random.Random(17).randbytes(2048))
    return (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >>\n"
        b"stream\n" + stream + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


def too_large_page() -> bytes:
    page = compose("크기만 큰 지면", ["같은 문단이 끝없이 되풀이되는 파일이다. " * 20]).encode()
    return page * (3 * 1024 * 1024 // len(page) + 1)  # a little over 3 MB of valid text


# ---------------------------------------------------------------------------------------------------------------
# Expected outcomes


@dataclass(frozen=True)
class Loaded:
    headline: str
    body: str | None = None  # the exact body of the page's only article, when given
    contains: tuple[str, ...] = ()  # text that must be in the body
    encoding: str | None = None
    page_id: str | None = None
    metadata_source: str | None = None


@dataclass(frozen=True)
class Quarantined:
    reason: str
    hashed: bool = True  # False: refused before being read, so no sha256 in the row
    detail_contains: str = ""
    never_loaded: str = ""  # a headline of the file's readable part that must not be loaded (no partial load)


@dataclass(frozen=True)
class ShortPage:
    """A tiny page: quarantined as no-articles, or loaded with its text; never binary nor a decode error."""

    text: str


@dataclass(frozen=True)
class Duplicate:
    of: str  # the inbox path of the file whose content it repeats


@dataclass(frozen=True)
class Case:
    name: str
    rel: str  # path in the inbox
    data: bytes
    expected: Loaded | Quarantined | ShortPage | Duplicate


def layout(page: int) -> str:
    return f"bitgoeul/2024-04-02/{page}.txt"


_CP949_LINE, _CP949_LINE_AT = utf8_with_cp949_line(bom=False)
_BOM_CP949_LINE, _BOM_CP949_LINE_AT = utf8_with_cp949_line(bom=True)
_TRUNCATED, _TRUNCATED_AT = truncated_utf8()
_TRUNCATED16, _TRUNCATED16_AT = truncated_utf16()
_NUL_PAGE = compose("마을 회관 새 단장", ["청계면 주민들이 회관을 고쳤다."], head=header(2, 42))

CASES = [
    # 1. UTF-8 with BOM (no page header: a BOM left in the text would stick to the headline)
    Case("utf8-bom", layout(31), codecs.BOM_UTF8 + compose(BOM_HEADLINE, BOM_PARAS).encode(),
         Loaded(BOM_HEADLINE, body_of(BOM_PARAS), encoding="utf-8-sig", page_id="bitgoeul/2024-04-02/31",
                metadata_source="layout")),
    # 2. CP949 with syllables EUC-KR lacks
    Case("cp949-extended-syllables", layout(32), compose(CP949_HEADLINE, CP949_PARAS, head=header(2, 32)).encode("cp949"),
         Loaded(CP949_HEADLINE, body_of(CP949_PARAS), contains=("똠", "햏", "뷁"), encoding="cp949",
                page_id="bitgoeul/2024-04-02/32")),
    # 2b. a CP949 page whose first syllables' bytes are also valid UTF-8
    Case("cp949-utf8-like-start", layout(38), compose(UTF8LIKE_HEADLINE, UTF8LIKE_PARAS).encode("cp949"),
         Loaded(UTF8LIKE_HEADLINE, body_of(UTF8LIKE_PARAS), encoding="cp949", page_id="bitgoeul/2024-04-02/38")),
    # 3. pure EUC-KR
    Case("euc-kr", layout(33), compose(EUCKR_HEADLINE, EUCKR_PARAS, head=header(2, 33)).encode("euc_kr"),
         Loaded(EUCKR_HEADLINE, body_of(EUCKR_PARAS), encoding="cp949", page_id="bitgoeul/2024-04-02/33")),
    # 4. CP949 pages of under 10 characters
    Case("short-cp949", "bad/short-cp949.txt", "광주 소식".encode("cp949"), ShortPage("광주 소식")),
    Case("short-cp949-utf8-like", "bad/short-cp949-utf8-like.txt", "화창한 봄날".encode("cp949"), ShortPage("화창한 봄날")),
    Case("short-cp949-valid-utf8", "bad/short-cp949-valid-utf8.txt", "화창 활짝".encode("cp949"), ShortPage("화창 활짝")),
    # 5. UTF-16 with BOM, little- and big-endian
    Case("utf16-le-bom", layout(34), compose(UTF16_HEADLINE, UTF16_PARAS, head=header(2, 34)).encode("utf-16"),
         Loaded(UTF16_HEADLINE, body_of(UTF16_PARAS), encoding="utf-16", page_id="bitgoeul/2024-04-02/34")),
    Case("utf16-be-bom", layout(35),
         codecs.BOM_UTF16_BE + compose(UTF16BE_HEADLINE, UTF16BE_PARAS, head=header(2, 35)).encode("utf-16-be"),
         Loaded(UTF16BE_HEADLINE, body_of(UTF16BE_PARAS), encoding="utf-16", page_id="bitgoeul/2024-04-02/35")),
    # 6. UTF-8 with one CP949 line: refused where it starts, nothing of it loaded
    Case("utf8-with-cp949-line", "bad/utf8-with-cp949-line.txt", _CP949_LINE,
         Quarantined(f"decode-error@{_CP949_LINE_AT}", never_loaded=BROKEN_HEADLINE)),
    Case("utf8-bom-with-cp949-line", "bad/utf8-bom-with-cp949-line.txt", _BOM_CP949_LINE,
         Quarantined(f"decode-error@{_BOM_CP949_LINE_AT}", never_loaded=BROKEN_HEADLINE)),
    # 7. NUL bytes
    Case("nul-bytes", "bad/nul.txt", with_nul(_NUL_PAGE), Quarantined("nul-bytes", never_loaded="마을 회관 새 단장")),
    Case("nul-bytes-after-bom", "bad/nul-bom.txt", with_nul(_NUL_PAGE, bom=True), Quarantined("nul-bytes")),
    # 8. mixed CR / LF / CRLF: the same articles as the LF version (compared in a test of its own)
    Case("lf-reference", layout(36), BREAK_LF.encode(), Loaded(BREAK_HEADLINE, page_id="bitgoeul/2024-04-02/36")),
    Case("mixed-line-ends", layout(37), mixed_line_ends(BREAK_LF),
         Loaded(BREAK_HEADLINE, page_id="bitgoeul/2024-04-02/37")),
    # 9. empty and whitespace-only
    Case("empty", "bad/empty.txt", b"", Quarantined("empty")),
    Case("whitespace-only", "bad/whitespace.txt", b"  \n\t \r\n\n   \r", Quarantined("empty")),
    Case("ideographic-spaces-only", "bad/ideographic-spaces.txt", "\u3000\u3000\n\u3000\n".encode(),
         Quarantined("empty")),
    Case("bom-only", "bad/bom-only.txt", codecs.BOM_UTF8, Quarantined("empty")),
    # 10. no recognisable article
    Case("furniture-only", FIXED, f"{header(2, 40, '광고')}\n\n- 40 -\n".encode(), Quarantined("no-articles")),
    Case("numbers-only", "bad/numbers.txt", b"- 7 -\n\n1\n2\n3\n10\n25\n", Quarantined("no-articles")),
    # 11. binaries renamed .txt
    Case("png", "bad/photo.txt", png_bytes(), Quarantined("binary")),
    Case("pdf", "bad/scan.txt", pdf_bytes(), Quarantined("binary")),
    Case("random-bytes", "bad/noise.txt", random.Random(20240402).randbytes(8192), Quarantined("binary")),
    # 12. truncated mid-character
    Case("truncated-utf8", "bad/truncated.txt", _TRUNCATED, Quarantined(f"decode-error@{_TRUNCATED_AT}")),
    Case("truncated-utf16", "bad/truncated-utf16.txt", _TRUNCATED16, Quarantined(f"decode-error@{_TRUNCATED16_AT}")),
    # 14. far larger than any page (--max-page-mb 1)
    Case("too-large", "bad/too-large.txt", too_large_page(),
         Quarantined("too-large", hashed=False, detail_contains=str(MAX_PAGE_MB * 1024 * 1024))),
    # 15. the same content under a new name, in the same run
    Case("duplicate-in-run", "dup/같은 기사 사본.txt", BREAK_LF.encode(), Duplicate(of=layout(36))),
    # 17. a name with spaces and Hangul, no layout: metadata from the page header
    Case("hangul-name", "특집 지면/광주 소식 1면.txt",
         compose(HANGUL_HEADLINE, HANGUL_PARAS, head=header(3, 1, "특집")).encode(),
         Loaded(HANGUL_HEADLINE, body_of(HANGUL_PARAS), encoding="utf-8", page_id="bitgoeul/2024-04-03/1",
                metadata_source="header")),
]  # fmt: skip
CASE_IDS = [c.name for c in CASES]
assert len(set(CASE_IDS)) == len(CASES) and len({c.rel for c in CASES}) == len(CASES)
# The CP949 line's first byte is not valid UTF-8 where it stands: the refusal is at its first byte.
assert _CP949_LINE[_CP949_LINE_AT] >= 0x80 and not _CP949_LINE[_CP949_LINE_AT:].startswith(b"\xc2")

PART = "drafts/x.txt.part"  # 13. still being written (by name)
FRESH = "late/fresh.txt"  # 13. still being written (modified within --settle-seconds)
HUGE = "bad/huge-sparse.txt"  # 14. several GB, sparse
LINK = "bad/link-out.txt"  # a symlink to a file outside the inbox


# ---------------------------------------------------------------------------------------------------------------
# Running the command line


def parse_outcomes(sinmun_bin: Path, files: dict[str, Path]) -> dict[str, dict | str]:
    """`sinmun parse` on several files: inbox path -> its JSON, or the refusal line's reason."""
    result = run_cli(sinmun_bin, "parse", *files.values())
    assert "Traceback" not in result.stderr, result.explain()
    by_path = {str(p): rel for rel, p in files.items()}
    out: dict[str, dict | str] = {}
    for line in result.stdout.splitlines():
        doc = json.loads(line)
        out[by_path[doc["source"]["path"]]] = doc
    for line in result.stderr.splitlines():
        for path, rel in by_path.items():
            if line.startswith(f"sinmun: {path}: "):
                out[rel] = line[len(f"sinmun: {path}: ") :].split(" ", 1)[0]
    assert out.keys() == files.keys(), result.explain()
    return out


# ---------------------------------------------------------------------------------------------------------------
# The runs


@dataclass
class Matrix:
    root: Path
    inbox: Path
    warehouse: Path
    quarantine_dir: Path
    outside_target: Path
    outside_target_state: tuple
    before: dict[str, tuple]  # the inbox's files before the first run
    fresh_state: tuple
    part_state: tuple
    parsed: dict[str, dict | str]
    first: Run


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory, sinmun_bin: Path) -> Matrix:
    root = tmp_path_factory.mktemp("bad-input")
    inbox, warehouse = root / "inbox", root / "warehouse" / "sinmun.duckdb"
    copy_samples(inbox, only=GOOD)
    for case in CASES:
        (inbox / case.rel).parent.mkdir(parents=True, exist_ok=True)
        (inbox / case.rel).write_bytes(case.data)
    (inbox / HUGE).touch()
    os.truncate(inbox / HUGE, HUGE_BYTES)
    outside_target = root / "outside-target.txt"
    outside_target.write_text(compose("밖에 있는 파일", ["이 파일은 받은편지함 밖에 있다."]), encoding="utf-8")
    os.utime(outside_target, (1_700_000_000, 1_700_000_000))
    (inbox / LINK).symlink_to(outside_target)
    (inbox / PART).parent.mkdir(parents=True)
    (inbox / PART).write_bytes(compose("아직 쓰는 중인 지면", ["끝나지 않은 문단"]).encode())
    # Everything but FRESH was written two hours ago; FRESH just now (within --settle-seconds 3600).
    old = time.time() - 7200
    for path in inbox.rglob("*"):
        if path.is_file() and not path.is_symlink():
            os.utime(path, (old, old))
    (inbox / FRESH).parent.mkdir(parents=True)
    (inbox / FRESH).write_bytes(compose(FRESH_HEADLINE, FRESH_PARAS, head=header(4, 2, "문화")).encode())
    before = tree_state(inbox)

    # `sinmun parse` on the same files (not the 3 MB one: parse has no size limit and would read it all).
    parsed = parse_outcomes(sinmun_bin, {c.rel: inbox / c.rel for c in CASES if c.name != "too-large"})
    result = run_cli(
        sinmun_bin, "ingest", inbox, "--warehouse", warehouse, "--no-progress",
        "--max-page-mb", str(MAX_PAGE_MB), "--settle-seconds", "3600",
    )  # fmt: skip
    quarantine_dir = warehouse.parent / "quarantine"  # the default: beside the warehouse
    first = ingest_run(result, warehouse, "first", quarantine_dir, inbox, set())
    return Matrix(
        root, inbox, warehouse, quarantine_dir, outside_target, file_state(outside_target), before,
        before[FRESH], before[PART], parsed, first,
    )  # fmt: skip


@pytest.fixture(scope="module")
def second(matrix: Matrix, sinmun_bin: Path) -> Run:
    """Next run, no settling window: FRESH loads; a copy under a new name is skipped; a changed page is a new version."""
    inbox = matrix.inbox
    (inbox / "copies").mkdir()
    shutil.copyfile(inbox / COPIED_PAGE, inbox / "copies" / "서해 1면 사본.txt")
    changed = inbox / CHANGED_PAGE
    changed.write_text(changed.read_text(encoding="utf-8").replace("다.", "다!", 1), encoding="utf-8")
    result = run_cli(sinmun_bin, "ingest", inbox, "--warehouse", matrix.warehouse, "--no-progress")
    return ingest_run(result, matrix.warehouse, "second", matrix.quarantine_dir, inbox, run_ids(matrix.first.db))


@dataclass
class Retry:
    listed_before: list[dict]
    fixed_bytes: bytes
    run: Run
    listed_after: list[dict]
    listed_all: list[dict]


@pytest.fixture(scope="module")
def retry(matrix: Matrix, second: Run, sinmun_bin: Path) -> Retry:
    """`quarantine list`, then FIXED is repaired in the quarantine folder and `quarantine retry` puts all back."""
    wh = matrix.warehouse

    def listing(*extra: str) -> list[dict]:
        result = run_cli(sinmun_bin, "quarantine", "list", "--format", "json", "--warehouse", wh, *extra)
        assert result.returncode == 0, result.explain()
        return json.loads(result.stdout)

    listed_before = listing()
    (path,) = query(second.db, "select quarantine_path from quarantine where source_path = ?", [FIXED])[0]
    fixed = compose(FIXED_HEADLINE, FIXED_PARAS, head=header(5, 9, "사회")).encode()
    Path(path).write_bytes(fixed)
    result = run_cli(sinmun_bin, "quarantine", "retry", matrix.inbox, "--warehouse", wh)
    run = ingest_run(result, wh, "retry", matrix.quarantine_dir, matrix.inbox, run_ids(second.db))
    return Retry(listed_before, fixed, run, listing(), listing("--all"))


# ---------------------------------------------------------------------------------------------------------------
# Checks shared by the runs


def quarantine_rows(run: Run, rel: str) -> list[tuple]:
    return query(
        run.db,
        "select reason, detail, sha256, quarantine_path, load_id, resolved_at from quarantine"
        " where source_path = ? and run_id = ?",
        [rel, run.run_id],
    )


def articles_of(db: Path, page_id: str) -> list[tuple]:
    return query(
        db,
        "select kind, headline, subheadlines, body, load_id from fct_article where page_id = ? order by ordinal",
        [page_id],
    )


def assert_quarantined(
    matrix: Matrix, run: Run, rel: str, reason: str, data: bytes | None, *, hashed: bool = True
) -> tuple:
    """One row with this exact reason; the file moved out of the inbox to <quarantine>/<run id>/<path>, unchanged."""
    rows = quarantine_rows(run, rel)
    assert len(rows) == 1, f"{rel}: {rows} (all rows: {query(run.db, 'select source_path, reason from quarantine')})"
    got_reason, detail, digest, quarantine_path, _load_id, resolved_at = rows[0]
    assert got_reason == reason, f"{rel}: {got_reason} ({detail}), expected {reason}"
    assert detail, "a refusal says why"
    assert resolved_at is None
    assert digest == (sha256(data) if hashed and data is not None else None)
    expected_path = matrix.quarantine_dir / run.run_id / rel
    assert quarantine_path == str(expected_path)
    moved = f"{run.run_id}/{rel}"
    assert moved in run.quarantine_files, f"{rel} not in the quarantine folder"
    assert rel not in run.inbox_files, f"{rel} was left in the inbox"
    if data is not None:
        assert run.quarantine_files[moved] == ("file", sha256(data)), "moved with its bytes unchanged"
    return rows[0]


# ---------------------------------------------------------------------------------------------------------------
# The matrix: one ingest run


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_case_outcome(matrix: Matrix, case: Case) -> None:
    run, exp = matrix.first, case.expected
    ledger = query(
        run.db,
        "select page_id, sha256, encoding, metadata_source, is_current, article_count from ledger_page"
        " where source_path = ?",
        [case.rel],
    )
    refused = quarantine_rows(run, case.rel)
    parsed = matrix.parsed.get(case.rel)

    if isinstance(exp, ShortPage):
        # Either refused as a page without articles, or loaded as what it says: never mis-read.
        if refused:
            assert refused[0][0] == "no-articles", f"{case.rel}: {refused[0][:2]}"
            assert_quarantined(matrix, run, case.rel, "no-articles", case.data)
            assert parsed == "no-articles"
        else:
            assert len(ledger) == 1, f"{case.rel}: neither loaded nor quarantined"
            texts = " ".join(f"{h or ''} {b or ''}" for _, h, _, b, _ in articles_of(run.db, ledger[0][0]))
            assert exp.text in texts
            assert isinstance(parsed, dict) and parsed["source"]["encoding"] == "cp949"
        return

    if isinstance(exp, Duplicate):
        assert ledger == [] and refused == [], "a duplicate is neither loaded again nor quarantined"
        assert run.inbox_files[case.rel] == matrix.before[case.rel], "left in the inbox unchanged"
        loaded = query(run.db, "select sha256 from ledger_page where source_path = ?", [exp.of])
        assert loaded == [(sha256(case.data),)]
        return

    if isinstance(exp, Quarantined):
        row = assert_quarantined(matrix, run, case.rel, exp.reason, case.data, hashed=exp.hashed)
        assert exp.detail_contains in row[1]
        assert ledger == [], "nothing of a refused file is loaded"
        assert query(run.db, "select count(*) from ledger_page where sha256 = ?", [sha256(case.data)]) == [(0,)]
        if exp.never_loaded:
            assert query(
                run.db, "select count(*) from fct_article where headline = ? or contains(body, ?)",
                [exp.never_loaded, exp.never_loaded],
            ) == [(0,)], "no partial load"  # fmt: skip
        if parsed is not None:
            assert parsed == exp.reason, f"sinmun parse says {parsed!r}"
        return

    assert refused == [], f"{case.rel} quarantined: {refused[0][:2] if refused else ''}"
    assert len(ledger) == 1, f"{case.rel} not loaded"
    page_id, digest, encoding, metadata_source, is_current, article_count = ledger[0]
    assert digest == sha256(case.data) and is_current
    assert exp.page_id in (None, page_id)
    assert exp.encoding in (None, encoding)
    assert exp.metadata_source in (None, metadata_source)
    articles = articles_of(run.db, page_id)
    assert len(articles) == article_count == 1, articles
    kind, headline, subheadlines, body, _load_id = articles[0]
    assert (kind, headline) == ("news", exp.headline)
    if exp.body is not None:
        assert body == exp.body
    for text in exp.contains:
        assert text in body
    for text in (headline, body, *(subheadlines or [])):
        assert "\ufeff" not in text and "\r" not in text and "\x00" not in text
    assert run.inbox_files[case.rel] == matrix.before[case.rel], "a loaded file stays in the inbox, unchanged"
    assert isinstance(parsed, dict), f"sinmun parse refused it: {parsed}"
    assert [(a["headline"], a["body"]) for a in parsed["articles"]] == [(headline, body)]


def test_good_pages_load_beside_the_bad(matrix: Matrix) -> None:
    rows = query(
        matrix.first.db,
        "select source_path, article_count from ledger_page where source_path in (?, ?, ?) and is_current",
        GOOD,
    )
    assert sorted(r[0] for r in rows) == sorted(GOOD)
    assert all(count > 0 for _, count in rows)


def test_mixed_line_ends_give_the_same_articles_as_lf(matrix: Matrix) -> None:
    fields = "kind, label, headline, subheadlines, body, byline_credit, continues_from_page, continues_on_page"
    lf, mixed = (
        query(matrix.first.db, f"select {fields} from fct_article where page_id = ? order by ordinal", [page])
        for page in ("bitgoeul/2024-04-02/36", "bitgoeul/2024-04-02/37")
    )
    assert lf and lf == mixed
    parsed_lf = matrix.parsed[layout(36)]
    assert [(a["headline"], a["body"]) for a in parsed_lf["articles"]] == [(r[2], r[4]) for r in lf]
    assert "밝혔다." in lf[0][4], "the column break inside 밝혔/다 was joined"


def test_symlink_out_of_the_inbox_is_moved_as_a_link(matrix: Matrix) -> None:
    run = matrix.first
    (row,) = quarantine_rows(run, LINK)
    assert row[0] == "outside-inbox" and row[2] is None
    assert run.quarantine_files[f"{run.run_id}/{LINK}"] == ("link", str(matrix.outside_target))
    assert LINK not in run.inbox_files
    assert file_state(matrix.outside_target) == matrix.outside_target_state, "the target is untouched"
    assert matrix.outside_target.stat().st_mtime == 1_700_000_000
    assert query(run.db, "select count(*) from fct_article where headline = '밖에 있는 파일'") == [(0,)]


def test_a_sparse_file_of_gigabytes_is_refused_without_being_read(matrix: Matrix) -> None:
    run = matrix.first
    (row,) = quarantine_rows(run, HUGE)
    reason, detail, digest = row[:3]
    assert (reason, digest) == ("too-large", None)
    assert str(HUGE_BYTES) in detail and str(MAX_PAGE_MB * 1024 * 1024) in detail
    kind, size, blocks = run.quarantine_files[f"{run.run_id}/{HUGE}"]
    assert (kind, size) == ("big", HUGE_BYTES) and blocks * 512 < 1024 * 1024, "moved, still sparse"
    # Reading 4 GB whole would take 4 GB of memory; Kiwi and Prefect take well under 2 GB.
    assert run.cli.maxrss_kb < 2 * 1024 * 1024, f"peak memory {run.cli.maxrss_kb} kB"


def test_files_still_being_written_are_left_for_the_next_run(matrix: Matrix, second: Run) -> None:
    first = matrix.first
    assert first.counts["deferred"] == 2, first.cli.stdout
    for run in (first, second):
        assert run.inbox_files[PART] == matrix.part_state, "the .part file stays untouched"
        assert query(run.db, "select count(*) from ledger_page where source_path = ?", [PART]) == [(0,)]
        assert query(run.db, "select count(*) from quarantine where source_path = ?", [PART]) == [(0,)]
    assert first.inbox_files[FRESH] == matrix.fresh_state
    assert query(first.db, "select count(*) from ledger_page where source_path = ?", [FRESH]) == [(0,)]
    assert quarantine_rows(first, FRESH) == []
    # The next run, without a settling window, loads the fresh file (the .part file stays deferred).
    assert second.counts["deferred"] == 1, second.cli.stdout
    loaded = query(second.db, "select page_id from ledger_page where source_path = ? and is_current", [FRESH])
    assert loaded == [("bitgoeul/2024-04-04/2",)]
    assert [r[1] for r in articles_of(second.db, "bitgoeul/2024-04-04/2")] == [FRESH_HEADLINE]


def test_every_file_is_accounted_for_and_the_run_reconciles(matrix: Matrix) -> None:
    run = matrix.first
    assert_reconciles(run)
    loaded = {p for (p,) in query(run.db, "select source_path from ledger_page")}
    refused = {p for (p,) in query(run.db, "select source_path from quarantine where run_id = ?", [run.run_id])}
    loaded_hashes = {h for (h,) in query(run.db, "select sha256 from ledger_page")}
    deferred = {PART, FRESH}
    duplicates = {
        rel for rel, state in matrix.before.items()
        if rel not in loaded | refused | deferred and state[0] == "file" and state[1] in loaded_hashes
    }  # fmt: skip
    lost = set(matrix.before) - loaded - refused - deferred - duplicates
    assert lost == set(), "every file is loaded, quarantined, skipped as a duplicate or deferred"
    assert not (loaded & refused), "no file is both loaded and quarantined"
    assert run.counts == {
        "seen": len(matrix.before) - len(deferred), "loaded": len(loaded), "dup": len(duplicates),
        "quarantined": len(refused), "deferred": len(deferred), "articles": run.counts["articles"],
    }  # fmt: skip
    # Files not quarantined are where they were; quarantined ones are only in the quarantine folder.
    assert set(run.inbox_files) == set(matrix.before) - refused
    assert {f"{run.run_id}/{rel}" for rel in refused} == set(run.quarantine_files)


# ---------------------------------------------------------------------------------------------------------------
# The next run: copies and new versions


def test_same_content_new_name_is_a_duplicate_and_new_content_a_new_version(matrix: Matrix, second: Run) -> None:
    assert_reconciles(second)
    assert second.counts["loaded"] == 2 and second.counts["quarantined"] == 0, second.cli.stdout
    copy = "copies/서해 1면 사본.txt"
    assert query(second.db, "select count(*) from ledger_page where source_path = ?", [copy]) == [(0,)]
    assert copy in second.inbox_files and second.counts["dup"] >= 1
    page_id = "namdo/2024-03-06/6"
    versions = query(
        second.db, "select sha256, is_current, load_id from ledger_page where page_id = ? order by loaded_at", [page_id]
    )
    new_sha = sha256((matrix.inbox / CHANGED_PAGE).read_bytes())
    assert [(s == new_sha, current) for s, current, _ in versions] == [(False, False), (True, True)]
    new_load = versions[1][2]
    assert {r[4] for r in articles_of(second.db, page_id)} == {new_load}, "the old version's articles are replaced"


# ---------------------------------------------------------------------------------------------------------------
# quarantine list / retry


def test_quarantine_list_shows_each_refused_file_with_its_reason(matrix: Matrix, retry: Retry) -> None:
    run = matrix.first
    expected = dict(query(run.db, "select source_path, reason from quarantine where run_id = ?", [run.run_id]))
    listed = {r["source_path"]: r["reason"] for r in retry.listed_before}
    assert listed == expected
    assert {r["file"] for r in retry.listed_before} == {"in quarantine"}
    reasons = {c.rel: c.expected.reason for c in CASES if isinstance(c.expected, Quarantined)}
    assert reasons.items() <= listed.items()


def test_retry_loads_the_fixed_file_and_quarantines_the_others_again(matrix: Matrix, retry: Retry) -> None:
    first, run = matrix.first, retry.run
    assert_reconciles(run)
    before = dict(query(first.db, "select source_path, reason from quarantine where run_id = ?", [first.run_id]))
    assert f"put {len(before)} files back" in run.cli.stdout, run.cli.explain()
    # The fixed file is loaded; its refusal is resolved and no longer listed.
    (page_id,) = query(run.db, "select page_id from ledger_page where source_path = ? and is_current", [FIXED])[0]
    assert [r[1] for r in articles_of(run.db, page_id)] == [FIXED_HEADLINE]
    assert query(run.db, "select sha256 from ledger_page where source_path = ?", [FIXED]) == [
        (sha256(retry.fixed_bytes),)
    ]
    resolved = query(run.db, "select run_id, resolved_at is not null from quarantine where source_path = ?", [FIXED])
    assert resolved == [(first.run_id, True)]
    assert FIXED not in {r["source_path"] for r in retry.listed_after}
    assert run.inbox_files[FIXED] == ("file", sha256(retry.fixed_bytes))
    # The others are quarantined again: a new row each, in a new folder, with the same reason and bytes.
    again = {rel: reason for rel, reason in before.items() if rel != FIXED}
    assert dict(query(run.db, "select source_path, reason from quarantine where run_id = ?", [run.run_id])) == again
    for rel in again:
        assert run.quarantine_files[f"{run.run_id}/{rel}"] == first.quarantine_files[f"{first.run_id}/{rel}"], rel
        assert f"{first.run_id}/{rel}" not in run.quarantine_files, "moved, not copied"
    assert {r["source_path"]: (r["reason"], r["run_id"]) for r in retry.listed_after} == {
        rel: (reason, run.run_id) for rel, reason in again.items()
    }
    assert len(retry.listed_all) == len(before) + len(again)
    assert file_state(matrix.outside_target) == matrix.outside_target_state


# ---------------------------------------------------------------------------------------------------------------
# A manifest pointing outside the inbox, a symlink, a Hangul name with a manifest row, an unreadable file


def unprivileged_mode() -> tuple[str, list[str]] | str:
    """How to run sinmun so that a chmod 000 file cannot be read: (mode, argv prefix), or why it cannot be done.

    Not root: chmod is enough. Root: drop CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (setpriv), else run as
    nobody, which needs an interpreter nobody can run."""
    if os.geteuid() != 0:
        return "user", []
    if not shutil.which("setpriv"):
        return "setpriv is not installed: no way to read as an unprivileged process"
    python = ROOT / ".venv" / "bin" / "python"
    probe = "import sys, sinmun, sinmun.flows.ingest\ntry:\n    open(sys.argv[1], 'rb')\nexcept PermissionError:\n    sys.exit(0)\nsys.exit(1)"
    folder = Path(tempfile.mkdtemp(prefix="sinmun-probe-"))
    try:
        folder.chmod(0o755)
        locked = folder / "locked"
        locked.write_bytes(b"x")
        locked.chmod(0)
        caps = "-dac_override,-dac_read_search"
        modes = {
            "root-without-dac-capabilities": ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}"],
            "nobody": ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"],
        }
        for mode, prefix in modes.items():
            done = subprocess.run([*prefix, str(python), "-c", probe, str(locked)], capture_output=True, cwd="/")
            if done.returncode == 0:
                return mode, prefix
        return f"neither dropping root's DAC capabilities nor running as nobody works here ({done.stderr[-300:]!r})"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Guarded:
    root: Path
    inbox: Path
    warehouse: Path
    quarantine_dir: Path
    outside: Path
    outside_state: tuple
    link_target: Path
    link_target_state: tuple
    locked_data: bytes | None  # None when no unprivileged mode is available
    unavailable: str
    run: Run


SECRET = "locked/비밀 원고.txt"
LOCKED_FOLDER = "잠긴 폴더"
HANGUL_MANIFEST = "특집 지면/광주 소식 2면.txt"


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory, sinmun_bin: Path):
    mode = unprivileged_mode()
    prefix, unavailable = ([], mode) if isinstance(mode, str) else (mode[1], "")
    nobody = not unavailable and mode[0] == "nobody"
    # As nobody, a tree nobody can reach: pytest's own temporary folders are root's, mode 700.
    root = Path(tempfile.mkdtemp(prefix="sinmun-bad-input-")) if nobody else tmp_path_factory.mktemp("guarded")
    try:
        inbox, warehouse, refused_dir = root / "inbox", root / "warehouse" / "sinmun.duckdb", root / "refused"
        copy_samples(inbox, only=GOOD[:1])
        outside = root / "outside.txt"
        outside.write_text(compose("받은편지함 밖의 원고", ["밖에 있어야 하는 파일이다."]), encoding="utf-8")
        link_target = root / "elsewhere" / "target.txt"
        link_target.parent.mkdir()
        link_target.write_text(compose("링크가 가리키는 원고", ["링크 너머의 파일이다."]), encoding="utf-8")
        (inbox / "link.txt").symlink_to(link_target)
        (inbox / HANGUL_MANIFEST).parent.mkdir(parents=True)
        (inbox / HANGUL_MANIFEST).write_bytes(
            compose(HANGUL_HEADLINE, HANGUL_PARAS, head=header(3, 2, "특집")).encode()
        )
        rows = [
            layout_row(GOOD[0]),
            {"path": "../outside.txt", "publication": "bitgoeul", "date": "2024-04-02", "page": "50"},
            {"path": "link.txt", "publication": "bitgoeul", "date": "2024-04-02", "page": "51"},
            {"path": HANGUL_MANIFEST, "publication": "bitgoeul", "date": "2024-04-03", "page": "2"},
        ]
        locked_data = None
        if not unavailable:
            locked_data = compose("열어 볼 수 없는 원고", ["권한이 없어 읽을 수 없는 파일이다."]).encode()
            (inbox / SECRET).parent.mkdir()
            (inbox / SECRET).write_bytes(locked_data)
            rows.append({"path": SECRET, "publication": "bitgoeul", "date": "2024-04-02", "page": "52"})
            (inbox / LOCKED_FOLDER).mkdir()  # a folder the ingest cannot list, with a page the manifest omits
            (inbox / LOCKED_FOLDER / "안쪽 원고.txt").write_bytes(locked_data)
        write_manifest(inbox, rows)
        env = dict(os.environ)
        if nobody:
            (root / "home").mkdir()
            env |= {"HOME": str(root / "home"), "PREFECT_HOME": str(root / "home" / ".prefect")}
            for path in [root, *root.rglob("*")]:
                if path != outside and not path.is_relative_to(link_target.parent):
                    os.chown(path, 65534, 65534, follow_symlinks=False)
        if locked_data is not None:
            (inbox / SECRET).chmod(0)
            (inbox / LOCKED_FOLDER).chmod(0)
        states = [(file_state(p), p.stat().st_mtime_ns) for p in (outside, link_target)]
        result = run_cli(
            sinmun_bin, "ingest", inbox, "--warehouse", warehouse, "--no-progress", "--quarantine-dir", refused_dir,
            prefix=prefix, env=env,
        )  # fmt: skip
        run = ingest_run(result, warehouse, "guarded", refused_dir, inbox, set())
        yield Guarded(
            root, inbox, warehouse, refused_dir, outside, states[0], link_target, states[1], locked_data,
            unavailable, run,
        )  # fmt: skip
    finally:
        if (inbox / LOCKED_FOLDER).exists():
            (inbox / LOCKED_FOLDER).chmod(0o755)
        if nobody:
            shutil.rmtree(root, ignore_errors=True)


def test_manifest_path_outside_the_inbox_is_refused_and_never_moved(guarded: Guarded) -> None:
    run = guarded.run
    assert_reconciles(run)
    (row,) = quarantine_rows(run, "../outside.txt")
    reason, _detail, digest, quarantine_path = row[:4]
    assert (reason, digest, quarantine_path) == ("outside-inbox", None, None)
    now = (file_state(guarded.outside), guarded.outside.stat().st_mtime_ns)
    assert now == guarded.outside_state, "not moved, not modified"
    assert not (guarded.quarantine_dir / run.run_id / "outside.txt").exists()
    assert query(run.db, "select count(*) from fct_article where headline = '받은편지함 밖의 원고'") == [(0,)]


def test_manifest_symlink_out_of_the_inbox_is_moved_as_a_link(guarded: Guarded) -> None:
    run = guarded.run
    (row,) = quarantine_rows(run, "link.txt")
    assert (row[0], row[2], row[3]) == ("outside-inbox", None, str(guarded.quarantine_dir / run.run_id / "link.txt"))
    assert run.quarantine_files[f"{run.run_id}/link.txt"] == ("link", str(guarded.link_target))
    assert "link.txt" not in run.inbox_files
    now = (file_state(guarded.link_target), guarded.link_target.stat().st_mtime_ns)
    assert now == guarded.link_target_state, "the target is untouched"
    assert query(run.db, "select count(*) from fct_article where headline = '링크가 가리키는 원고'") == [(0,)]


def test_hangul_name_with_a_manifest_row_loads(guarded: Guarded) -> None:
    run = guarded.run
    rows = query(
        run.db,
        "select page_id, metadata_source from ledger_page where source_path = ? and is_current",
        [HANGUL_MANIFEST],
    )
    assert rows == [("bitgoeul/2024-04-03/2", "manifest")]
    assert [(r[1], r[3]) for r in articles_of(run.db, "bitgoeul/2024-04-03/2")] == [
        (HANGUL_HEADLINE, body_of(HANGUL_PARAS))
    ]
    assert query(run.db, "select count(*) from ledger_page where source_path = ?", [GOOD[0]]) == [(1,)]


def test_unreadable_file_is_quarantined(guarded: Guarded) -> None:
    if guarded.unavailable:
        reason = f"cannot make a file unreadable for the ingest: {guarded.unavailable}"
        if os.environ.get("CI"):
            pytest.xfail(reason)
        pytest.skip(reason)
    run = guarded.run
    (row,) = quarantine_rows(run, SECRET)
    reason, detail, digest, quarantine_path = row[:4]
    assert (reason, digest) == ("unreadable", None), row
    assert "denied" in detail.lower(), detail
    moved = guarded.quarantine_dir / run.run_id / SECRET
    assert quarantine_path == str(moved)
    assert SECRET not in run.inbox_files
    assert moved.stat().st_mode & 0o777 == 0, "moved as it was"
    assert moved.read_bytes() == guarded.locked_data  # we are root (or the owner, after chmod)
    assert query(run.db, "select count(*) from ledger_page where source_path = ?", [SECRET]) == [(0,)]


def test_a_folder_that_cannot_be_listed_is_refused_with_its_reason(guarded: Guarded) -> None:
    if guarded.unavailable:
        reason = f"cannot make a folder unreadable for the ingest: {guarded.unavailable}"
        if os.environ.get("CI"):
            pytest.xfail(reason)
        pytest.skip(reason)
    run = guarded.run
    assert_reconciles(run)
    (row,) = quarantine_rows(run, f"{LOCKED_FOLDER}/")
    reason, detail, digest, quarantine_path = row[:4]
    assert (reason, digest, quarantine_path) == ("unreadable", None, None), row
    assert "denied" in detail.lower(), detail
    assert (guarded.inbox / LOCKED_FOLDER).is_dir(), "recorded where it is, never moved"
