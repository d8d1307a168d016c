"""Bytes of small files of each kind, built in the test run (nothing binary is checked in)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def pdf_bytes(text: str = "qaward") -> bytes:
    body = f"1 0 obj\n<< /Type /Catalog >>\nendobj\n% {text}\n".encode()
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack("!I", len(data)) + kind + data + struct.pack("!I", zlib.crc32(kind + data))

    header = struct.pack("!IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def jpeg_bytes() -> bytes:
    return (
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64 + b"\xff\xd9"
    )


def exe_bytes() -> bytes:
    # A DOS stub pointing at a PE header, as in every Windows executable.
    stub = bytearray(b"MZ" + b"\x90\x00" * 29 + b"\x00" * 2)
    stub += b"\x00" * (0x3C - len(stub)) + struct.pack("<I", 0x40)
    return bytes(stub) + b"PE\x00\x00" + b"\x4c\x01" + b"\x00" * 200


def content_types(main: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/main.xml" ContentType="{main}"/></Types>'
    )


def ooxml_bytes(main: str = DOCX_MAIN, extra: dict[str, bytes] | None = None, *, first=None) -> bytes:
    """A minimal Office Open XML package declaring ``main``, with ``extra`` entries added."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (first or {}).items():
            archive.writestr(name, data)
        archive.writestr("[Content_Types].xml", content_types(main))
        archive.writestr("_rels/.rels", "<Relationships/>")
        part = "word/document.xml" if main == DOCX_MAIN else "xl/workbook.xml"
        archive.writestr(part, "<document>质量奖申报</document>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_bytes(extra: dict[str, bytes] | None = None) -> bytes:
    return ooxml_bytes(DOCX_MAIN, extra)


def xlsx_bytes(extra: dict[str, bytes] | None = None) -> bytes:
    return ooxml_bytes(XLSX_MAIN, extra)


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def mark_encrypted(data: bytes, entry: str) -> bytes:
    """Set the "encrypted" flag of ``entry`` in its local and central headers. (zipfile cannot
    write encrypted entries; the checks must refuse on the flag, before any decryption.)"""
    patched = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        local = archive.getinfo(entry).header_offset
    flags = struct.unpack_from("<H", patched, local + 6)[0]
    struct.pack_into("<H", patched, local + 6, flags | 0x1)
    position = patched.find(b"PK\x01\x02")
    while position != -1:
        name_length = struct.unpack_from("<H", patched, position + 28)[0]
        if patched[position + 46 : position + 46 + name_length].decode() == entry:
            flags = struct.unpack_from("<H", patched, position + 8)[0]
            struct.pack_into("<H", patched, position + 8, flags | 0x1)
        position = patched.find(b"PK\x01\x02", position + 46)
    return bytes(patched)


def upload(name: str, data: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    # The browser-declared content type is deliberately wrong in most tests: it must not matter.
    return SimpleUploadedFile(name, data, content_type=content_type)
