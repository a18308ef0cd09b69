"""Bytes of a page file -> normalized text, or a clear reason why not.

The only step of the page reader that looks at bytes. It never guesses
silently: a file is decoded as UTF-8 (with or without BOM), UTF-16 (with BOM)
or CP949 (the superset of EUC-KR that Korean Windows software writes), and
anything else is refused with one of these reasons:

- ``empty``                 no bytes, or only whitespace once decoded
- ``binary``                a known binary signature (PDF, PNG, ...) or bytes that are not text
- ``nul-bytes``             text with NUL bytes in it (a damaged export)
- ``decode-error@<offset>`` the byte offset where the evident encoding stops making sense

Python's ``euc_kr`` codec is never used: it rejects the 8,822 syllables that
CP949 adds (똠, 햏, 뷁, ...), which real pages contain.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass


class PageRejected(ValueError):
    """A page file that cannot be read; ``reason`` is a short machine-readable code."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class DecodedPage:
    text: str
    encoding: str


BINARY_SIGNATURES: dict[bytes, str] = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG",
    b"GIF8": "GIF",
    b"\xff\xd8\xff": "JPEG",
    b"PK\x03\x04": "ZIP",
    b"\x1f\x8b": "gzip",
    b"BM": "BMP",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
    b"\xd0\xcf\x11\xe0": "OLE (HWP/DOC)",
    b"\x7fELF": "ELF",
}

# C0 control bytes other than tab, LF, VT, FF, CR and ESC never occur in page text.
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\v\f]")


def decode_page(data: bytes) -> DecodedPage:
    """Decode and normalize one page file's bytes; raise PageRejected if it is not a text page."""
    if not data.strip():
        raise PageRejected("empty", "the file has no text")
    for magic, name in BINARY_SIGNATURES.items():
        if data.startswith(magic):
            raise PageRejected("binary", f"{name} data, not page text")

    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(codecs.BOM_UTF32_LE):
        text, encoding = _decode_strict(data, "utf-16"), "utf-16"
    elif data.startswith(codecs.BOM_UTF8):
        text, encoding = _decode_strict(data, "utf-8-sig", offset_shift=3), "utf-8-sig"
    else:
        _reject_non_text_bytes(data)
        text, encoding = _decode_utf8_or_cp949(data)

    text = normalize_text(text)
    if "\x00" in text:
        raise PageRejected("nul-bytes", f"NUL character at offset {text.index(chr(0))} of the decoded text")
    if not text.strip():
        raise PageRejected("empty", "the file holds only whitespace")
    controls = len(_CONTROL_CHARS.findall(text))
    if controls > max(2, len(text) // 200):
        raise PageRejected("binary", f"{controls} control characters in {len(text)} characters")
    return DecodedPage(text=text, encoding=encoding)


def normalize_text(text: str) -> str:
    """NFC, LF line ends, plain spaces, no zero-width characters; line content otherwise untouched."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def _reject_non_text_bytes(data: bytes) -> None:
    nul_count = data.count(0)
    controls = len(_CONTROL_BYTES.findall(data))
    if controls > max(2, len(data) // 200):
        raise PageRejected("binary", f"{controls} control bytes in {len(data)} bytes")
    if nul_count:
        if nul_count > len(data) // 4:
            raise PageRejected("binary", f"{nul_count} NUL bytes in {len(data)} bytes (UTF-16 without BOM is not read)")
        raise PageRejected("nul-bytes", f"NUL byte at offset {data.index(0)}")


def _decode_strict(data: bytes, encoding: str, offset_shift: int = 0) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise PageRejected(
            f"decode-error@{err.start + offset_shift}", f"invalid {encoding} at byte {err.start + offset_shift}"
        ) from None


def _decode_utf8_or_cp949(data: bytes) -> tuple[str, str]:
    """UTF-8 when the bytes are UTF-8 Korean text, else CP949; refuse a UTF-8 file damaged part-way.

    345 common syllables (화, 창, 체, 청, …) are CP949 byte pairs that are also valid UTF-8, so valid UTF-8
    alone proves nothing: the UTF-8 reading must hold Hangul to win, else a clean CP949 reading with Hangul does."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err.start
    else:
        if _has_hangul(text) or text.isascii():
            return text, "utf-8"
        legacy = _cp949_or_none(data)
        return (
            (legacy, "cp949")
            if legacy is not None and _has_hangul(legacy) and _looks_korean(legacy)
            else (text, "utf-8")
        )
    # Hangul in valid UTF-8 before the first bad byte means the file *is* UTF-8 and is damaged there
    # (a line pasted from a legacy file, or a truncated character): refuse rather than mis-decode.
    if _has_hangul(data[:utf8_error].decode("utf-8")):
        raise PageRejected(f"decode-error@{utf8_error}", f"invalid UTF-8 at byte {utf8_error}")
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError as err:
        if _has_utf8_multibyte(data[:utf8_error]):
            raise PageRejected(f"decode-error@{utf8_error}", f"invalid UTF-8 at byte {utf8_error}") from None
        raise PageRejected(f"decode-error@{err.start}", f"neither UTF-8 nor CP949 at byte {err.start}") from None
    if not _looks_korean(text):
        raise PageRejected("binary", "bytes are neither UTF-8 nor CP949 Korean text")
    return text, "cp949"


def _cp949_or_none(data: bytes) -> str | None:
    try:
        return data.decode("cp949")
    except UnicodeDecodeError:
        return None


def _has_hangul(text: str) -> bool:
    return any("\uac00" <= c <= "\ud7a3" or "\u3130" <= c <= "\u318f" for c in text)


def _has_utf8_multibyte(prefix: bytes) -> bool:
    return any(b >= 0x80 for b in prefix)


def _looks_korean(text: str) -> bool:
    """CP949 decodes most byte soup into *something*; real pages are mostly Hangul among non-ASCII."""
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return True
    hangul = sum(1 for c in non_ascii if "\uac00" <= c <= "\ud7a3")
    return hangul / len(non_ascii) >= 0.5
