"""Benchmark: does the reader's cost stay near-linear in a page's size? Times ``sinmun parse`` on generated pages.

    .venv/bin/python bench/reader_scaling.py [--sizes 0.5,1,2] [--runs 1] [--keep DIR]

Three shapes of page, each at every size (MB = 1,000,000 bytes, so 2 MB stays under the default 2 MiB limit):
``one-line``, the whole page on one line (no paragraph breaks at all); ``many-line``, articles of a
headline, a few paragraphs (some cut mid-sentence, as by a column break) and a byline; ``dated``, one line
whose every sentence names a day of the month. The text is invented
Korean prose built from a small stock of clauses. Each page is parsed by the real console script, Kiwi and
all; the figure is the wall-clock time of the whole command, and the last column is seconds per MB (flat when
the cost is linear). The CPU seconds of the command (user + system, Kiwi's threads included) are printed too:
on a shared machine they vary less than the wall clock. So that a figure taken beside other work can be told
apart, the CPU seconds the rest of the machine used during the run are printed too (``others``, from
``/proc/stat``: anything above a few tenths means the run shared its cores). The load average is printed last.
The issue's bound: a 2 MB page in 10 s or less.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SUBJECTS = ["구청은", "시민단체는", "교육청은", "상인회는", "주민들은", "연구진은", "소방서는", "도의회는"]
OBJECTS = ["골목길 정비 계획을", "하천 복원 사업을", "청소년 쉼터 운영을", "전통시장 주차장 확충을", "버스 노선 개편을"]
VERBS = ["발표했다.", "검토하기로 했다.", "다시 논의했다.", "요구하고 나섰다.", "마무리했다고 밝혔다."]
TIMES = ["지난 주말", "이번 달 안에", "올해 하반기부터", "다음 주 초", "오는 3월까지"]


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(TIMES)} {rng.choice(OBJECTS)} {rng.choice(VERBS)}"


def one_line_page(size: int, rng: random.Random) -> str:
    parts, total = [], 0
    while total < size:
        s = sentence(rng) + " "
        parts.append(s)
        total += len(s.encode())
    return "".join(parts).encode()[:size].decode(errors="ignore")  # cut to the size, never mid-character


def dated_page(size: int, rng: random.Random) -> str:
    """A one-line page whose every sentence carries a day of the month (``21일``, ``지난 9일``): the date rules'
    case (a bare day once searched the whole text before it for a tilde: 40 s for the dates of such a page)."""
    parts, total = [], 0
    while total < size:
        day = rng.choice(["", "지난 ", "오는 "]) + f"{rng.randint(1, 28)}일"
        s = f"{rng.choice(SUBJECTS)} {day} {rng.choice(OBJECTS)} {rng.choice(VERBS)} "
        parts.append(s)
        total += len(s.encode())
    return "".join(parts).encode()[:size].decode(errors="ignore")


def many_line_page(size: int, rng: random.Random) -> str:
    lines, total, n = ["2025년 9월 3일 수요일 제9001호 빛고을신문 3면 종합"], 0, 0
    while total < size:
        n += 1
        article = [f"생활 현안 점검 {n}"]
        for _ in range(rng.randint(2, 5)):
            paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
            if rng.random() < 0.3:  # a column break inside the paragraph
                cut = rng.randint(5, len(paragraph) - 5)
                article += [paragraph[:cut], paragraph[cut:]]
            else:
                article.append(paragraph)
        article.append(f"/한가람 기자 reporter{n % 50}@bitgoeul.example.kr")
        text = "\n\n".join(article)
        lines.append(text)
        total += len(text.encode()) + 2
    return "\n\n".join(lines) + "\n"


def machine_busy_seconds() -> float | None:
    """CPU seconds the whole machine has spent busy since boot (every core, steal included), or None off Linux."""
    try:
        with open("/proc/stat") as f:
            ticks = [int(x) for x in f.readline().split()[1:]]
    except OSError:
        return None
    idle = ticks[3] + ticks[4]  # idle and iowait
    return (sum(ticks) - idle) / os.sysconf("SC_CLK_TCK")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="0.5,1,2", help="page sizes in MB, comma-separated (default 0.5,1,2; 4 and more too)"
    )
    parser.add_argument("--runs", type=int, default=1, help="timed runs per page; the best is printed (default 1)")
    parser.add_argument("--keep", type=Path, help="write the generated pages here instead of a temporary folder")
    args = parser.parse_args(argv)
    sinmun = Path(sys.executable).with_name("sinmun")
    rng = random.Random(16)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"{'shape':<10} {'MB':>5} {'bytes':>10} {'seconds':>8} {'s/MB':>6} {'cpu s':>6} {'others':>6}  articles")
        for shape, make in (("one-line", one_line_page), ("many-line", many_line_page), ("dated", dated_page)):
            for mb in (float(x) for x in args.sizes.split(",")):
                page = folder / f"{shape}-{mb:g}MB.txt"
                page.write_text(make(int(mb * 1_000_000), rng), encoding="utf-8")
                best, cpu, others, articles = float("inf"), float("inf"), float("inf"), "?"
                for _ in range(args.runs):
                    used = resource.getrusage(resource.RUSAGE_CHILDREN)
                    busy = machine_busy_seconds()
                    started = time.perf_counter()
                    result = subprocess.run(
                        [str(sinmun), "parse", "--compact", "--max-page-mb", f"{mb + 1:g}", str(page)],
                        capture_output=True,
                        text=True,
                    )
                    best = min(best, time.perf_counter() - started)
                    after = resource.getrusage(resource.RUSAGE_CHILDREN)
                    own = after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime
                    cpu = min(cpu, own)
                    busy_after = machine_busy_seconds()
                    if busy is not None and busy_after is not None:
                        others = min(others, max(0.0, busy_after - busy - own))
                    articles = (
                        str(result.stdout.count('"ordinal"')) if result.returncode == 0 else result.stderr.strip()
                    )
                size = page.stat().st_size
                print(
                    f"{shape:<10} {mb:>5g} {size:>10,} {best:>8.1f} {best / (size / 1e6):>6.1f} {cpu:>6.1f} "
                    f"{others:>6.1f}  {articles}"
                )
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
