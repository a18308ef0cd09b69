"""Editorial marks that are not body text: cross-references, continuations, labels, bullets.

``〈관련기사 7면〉`` and ``▶관련기사 3·4면`` point to other pages; ``〈1면에서 계속〉``
opens a fragment continued from page 1; ``3면에 계속`` closes a fragment
continued on page 3. ``[사설]``, ``[인사]``, ``[광일춘추] 제목`` label a piece.
"""

from __future__ import annotations

import re

_PAGES = r"(?P<pages>\d{1,2}(?:\s*[·,ㆍ~-]\s*\d{1,2})*)\s*면"
_OPEN = r"[〈<《＜(\[【]"
_CLOSE = r"[〉>》＞)\]】]"

CROSS_REF = re.compile(
    rf"(?:{_OPEN}|[▶▷☞→])\s*(?:관련\s*기사|관련\s*보도|관련\s*사설)\s*(?:는|은)?\s*{_PAGES}(?:\s*에)?\s*{_CLOSE}?"
)
CONTINUED_FROM = re.compile(
    rf"^\s*{_OPEN}?\s*(?P<page>\d{{1,2}})\s*면\s*(?:에서|서|에서\s*이어짐)\s*계속\s*{_CLOSE}?\s*"
)
CONTINUES_ON = re.compile(
    rf"\s*{_OPEN}?\s*[▶▷☞→]?\s*(?P<page>\d{{1,2}})\s*면(?:에|으로)\s*(?:계속|이어짐){_CLOSE}?\s*$"
)
LABEL = re.compile(r"^\s*[\[【［](?P<label>[^\]】］]{1,20})[\]】］]\s*(?P<rest>.*)$")
BULLET = re.compile(r"^\s*[▲△◇◆■□●○▶▷◎☆★※·•\-]")

EDITORIAL_LABELS = {"사설"}
NOTICE_LABELS = {
    "인사",
    "부고",
    "부음",
    "알림",
    "사고",
    "社告",
    "동정",
    "모임",
    "결혼",
    "화촉",
    "게시판",
    "개업",
    "취임",
    "수상",
    "기증",
    "행사",
    "공고",
    "바로잡습니다",
    "정정",
    "정정보도",
    "반론보도",
    "알립니다",
    "오늘의 날씨",
    "날씨",
}


def cross_refs(text: str) -> list[int]:
    """Pages named by the cross-references in ``text``."""
    pages: list[int] = []
    for m in CROSS_REF.finditer(text):
        pages.extend(_pages(m["pages"]))
    return pages


def strip_cross_refs(text: str) -> str:
    return re.sub(r"\s{2,}", " ", CROSS_REF.sub(" ", text)).strip()


def is_cross_ref_line(line: str) -> bool:
    return bool(CROSS_REF.search(line)) and not strip_cross_refs(line)


def _pages(spec: str) -> list[int]:
    """``"3·4"`` -> [3, 4]; ``"3~5"`` -> [3, 4, 5]."""
    out: list[int] = []
    for part in re.split(r"\s*[·,ㆍ]\s*", spec):
        if re.fullmatch(r"\d+\s*[~-]\s*\d+", part):
            lo, hi = (int(x) for x in re.split(r"\s*[~-]\s*", part))
            out.extend(range(lo, hi + 1) if 0 < hi - lo < 10 else [lo, hi])
        elif part.strip().isdigit():
            out.append(int(part))
    return out


def continued_from(line: str) -> tuple[int, str] | None:
    """``"〈1면에서 계속〉 본문"`` -> (1, "본문")."""
    m = CONTINUED_FROM.match(line)
    return (int(m["page"]), line[m.end() :].strip()) if m else None


def continues_on(line: str) -> tuple[int, str] | None:
    """``"본문 3면에 계속"`` -> (3, "본문")."""
    m = CONTINUES_ON.search(line)
    return (int(m["page"]), line[: m.start()].strip()) if m else None


def label_of(line: str) -> tuple[str, str] | None:
    """``"[광일춘추] 제목"`` -> ("광일춘추", "제목")."""
    m = LABEL.match(line)
    if not m or re.fullmatch(r"[\d\s.,~:-]+", m["label"]):
        return None
    return m["label"].strip(), m["rest"].strip()


def kind_of_label(label: str) -> str:
    if label in EDITORIAL_LABELS:
        return "editorial"
    if label in NOTICE_LABELS:
        return "notice"
    return "column"


def is_bullet(line: str) -> bool:
    return bool(BULLET.match(line))
