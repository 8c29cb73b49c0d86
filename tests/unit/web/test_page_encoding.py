"""Which encoding a page is read in: BOM, HTTP charset, <meta>, then a detector."""

from __future__ import annotations

import pytest

from reader.web.encoding import decode_html, python_encoding

ARABIC = "<p>أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة صفاقس يضم مئتي سرير.</p>"
HEBREW = "<p>משרד הבריאות הודיע היום על פתיחת בית חולים חדש בבאר שבע, שבו מאתיים מיטות.</p>"


def test_a_charset_only_in_meta_http_equiv_is_believed() -> None:
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body>{ARABIC}'
    )
    decoded = decode_html(page.encode("windows-1256"))
    assert (decoded.encoding, decoded.evidence) == ("cp1256", "<meta>")
    assert ARABIC in decoded.text


def test_the_http_charset_comes_before_the_meta() -> None:
    page = f'<meta charset="iso-8859-8">{HEBREW}'
    decoded = decode_html(page.encode("windows-1255"), "text/html; charset=windows-1255")
    assert (decoded.encoding, decoded.evidence) == ("cp1255", "HTTP header")
    assert HEBREW in decoded.text


def test_a_byte_order_mark_wins_over_any_declaration() -> None:
    decoded = decode_html(
        b"\xef\xbb\xbf" + f'<meta charset="windows-1256">{ARABIC}'.encode(), "text/html; charset=latin1"
    )
    assert decoded.evidence == "byte order mark" and ARABIC in decoded.text


def test_a_declaration_that_does_not_decode_the_bytes_is_passed_over() -> None:
    decoded = decode_html(f'<meta charset="utf-8">{HEBREW * 5}'.encode("windows-1255"))
    assert decoded.evidence == "detector"
    assert HEBREW in decoded.text


def test_a_latin_http_charset_that_makes_mojibake_of_hebrew_is_passed_over() -> None:
    decoded = decode_html(f"<html><body>{HEBREW * 4}</body></html>".encode("windows-1255"), "text/html; charset=latin1")
    assert decoded.evidence == "detector" and HEBREW in decoded.text


def test_a_latin_page_with_its_accents_is_read_as_its_header_says() -> None:
    french = (
        "<p>Le ministère de la santé a annoncé l'ouverture d'un hôpital à Sfax; à côté, la Größe, fæðing, ações.</p>"
    )
    decoded = decode_html((french * 4).encode("windows-1252"), "text/html; charset=iso-8859-1")
    assert (decoded.evidence, decoded.text) == ("HTTP header", french * 4)


def test_undeclared_windows_1256_is_detected() -> None:
    decoded = decode_html(f"<html><body>{ARABIC * 4}</body></html>".encode("windows-1256"))
    assert ARABIC in decoded.text


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("ISO-8859-1", "cp1252"),
        ("iso-8859-8-i", "iso8859-8"),
        ("Windows-1256", "cp1256"),
        ("utf-16", "utf-8"),
        ("bogus", None),
    ],
)
def test_labels_are_read_as_browsers_read_them(label: str, codec: str | None) -> None:
    assert python_encoding(label) == codec
