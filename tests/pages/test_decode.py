"""Table-driven cases for decoding page bytes, and properties of normalization."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinmun.pages.decode import PageRejected, decode_page, normalize_text

TEXT = "광주시 똠방각하 전시회\n\n시민 300여명이 찾았다.\n"
EUC_KR_TEXT = "광주시 예술 전시회\n\n시민 300여명이 찾았다.\n"

DECODED = [
    ("utf-8", TEXT.encode("utf-8"), "utf-8", TEXT),
    ("utf-8-bom", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig", TEXT),
    ("utf-16-le-bom", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16", TEXT),
    ("utf-16-be-bom", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16", TEXT),
    (
        "cp949-with-syllables-outside-euc-kr",
        "햏복한 뷁 똠양꿍 축제가 열렸다.\n".encode("cp949"),
        "cp949",
        "햏복한 뷁 똠양꿍 축제가 열렸다.\n",
    ),
    ("pure-euc-kr", EUC_KR_TEXT.encode("euc_kr"), "cp949", EUC_KR_TEXT),
    ("cp949-very-short", "광주".encode("cp949"), "cp949", "광주"),
    # 화, 창, 활, 짝 are CP949 byte pairs that are also valid UTF-8: the reading with Hangul wins
    ("cp949-whose-bytes-are-valid-utf8", "화창 활짝".encode("cp949"), "cp949", "화창 활짝"),
    ("cp949-starting-with-utf8-like-bytes", "화창한 봄날 운동회\n".encode("cp949"), "cp949", "화창한 봄날 운동회\n"),
    ("utf8-of-the-same-words", "화창한 봄날".encode(), "utf-8", "화창한 봄날"),
    ("crlf", TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8", TEXT),
    ("cr-only", TEXT.replace("\n", "\r").encode("utf-8"), "utf-8", TEXT),
    ("mixed-line-ends", "가\r\n나\r다\n".encode(), "utf-8", "가\n나\n다\n"),
    ("nfd-hangul", unicodedata.normalize("NFD", TEXT).encode("utf-8"), "utf-8", TEXT),
    ("nbsp-and-ideographic-space", "광주\u00a0시\u3000청\n".encode(), "utf-8", "광주 시 청\n"),
    ("zero-width-space", "광주\u200b시청\n".encode(), "utf-8", "광주시청\n"),
]


@pytest.mark.parametrize(("data", "encoding", "text"), [c[1:] for c in DECODED], ids=[c[0] for c in DECODED])
def test_decodes(data: bytes, encoding: str, text: str) -> None:
    page = decode_page(data)
    assert page.encoding == encoding
    assert page.text == text


UTF8_WITH_CP949_LINE = "첫 줄은 UTF-8이다.\n".encode() + "둘째 줄은 CP949다.\n".encode("cp949")

REJECTED = [
    ("empty", b"", "empty"),
    ("whitespace-only", b" \n\r\n\t  \n", "empty"),
    ("whitespace-only-utf16", codecs.BOM_UTF16_LE + "  \n ".encode("utf-16-le"), "empty"),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "binary"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("random-bytes", bytes(range(256)) * 4, "binary"),
    ("nul-bytes", "광주시청\n".encode() + b"\x00" + "시민\n".encode(), "nul-bytes"),
    ("utf8-with-one-cp949-line", UTF8_WITH_CP949_LINE, f"decode-error@{len('첫 줄은 UTF-8이다.'.encode()) + 1}"),
    ("utf8-truncated-mid-character", "광주시청".encode()[:-1], "decode-error@9"),
    ("neither-utf8-nor-cp949", b"abc \xff\xff\xff def", "decode-error@4"),
]


@pytest.mark.parametrize(("data", "reason"), [c[1:] for c in REJECTED], ids=[c[0] for c in REJECTED])
def test_rejects(data: bytes, reason: str) -> None:
    with pytest.raises(PageRejected) as err:
        decode_page(data)
    assert err.value.reason == reason


page_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), st.sampled_from(list(" .,\n\"'0123abc"))
    ),
    min_size=1,
).filter(lambda t: t.strip())


@given(page_text)
def test_utf8_round_trip_is_normalization(text: str) -> None:
    assert decode_page(text.encode("utf-8")).text == normalize_text(text)


@given(page_text)
def test_line_ends_do_not_matter(text: str) -> None:
    lf = decode_page(text.encode()).text
    assert decode_page(text.replace("\n", "\r\n").encode()).text == lf
    assert decode_page(codecs.BOM_UTF16_LE + text.encode("utf-16-le")).text == lf


@given(page_text)
def test_normalization_is_idempotent_and_nfc(text: str) -> None:
    once = normalize_text(unicodedata.normalize("NFD", text))
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\r" not in once


# A short CP949 text is read as the Korean it is, never as other characters.
@pytest.mark.parametrize(
    "text", ["광주 소식", "화창한 봄날", "화창 활짝"], ids=["plain", "utf8-like-start", "valid-utf8"]
)
def test_short_cp949_is_not_misdecoded(text: str) -> None:
    data = text.encode("cp949")
    try:
        decoded = decode_page(data)
    except PageRejected as err:
        pytest.fail(f"{text!r} in CP949 refused as {err.reason} ({err.detail})")
    assert (decoded.text, decoded.encoding) == (text, "cp949")
