"""Hostile import files, built cheaply: a zip bomb, a zip that lies about its sizes, deep JSON, huge sheets.

Shared by benchmarks/imports_memory.py and the tests of the import limits (tests/interchange/test_limits.py).
"""

from __future__ import annotations

import io
import struct
import zipfile

MB = 1024 * 1024


def zip_bomb(unpacked_mb: int = 1400, name: str = "services.csv") -> bytes:
    """A datapackage-looking zip whose one CSV unpacks from about a thousandth of its size (zeros)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", "{}")
        with archive.open(name, "w", force_zip64=True) as entry:
            chunk = b"id,name\n" + b"0" * (MB - 8)
            for _ in range(unpacked_mb):
                entry.write(chunk)
    return out.getvalue()


def lying_zip(unpacked_mb: int = 5) -> bytes:
    """A zip whose directory says its CSV unpacks to 1,000 bytes, while it really unpacks to megabytes.

    Its ratio and total look harmless; only counting (or the CRC check) finds the lie.
    """
    body = b"id,name\n" + b"".join(b"%d,dienst %d\n" % (i, i) for i in range(unpacked_mb * 60_000))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", "{}")
        archive.writestr("services.csv", body)
    data = bytearray(out.getvalue())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        while at >= 0:
            name_length = struct.unpack_from("<H", data, at + (26 if signature == b"PK\x03\x04" else 28))[0]
            start = at + (30 if signature == b"PK\x03\x04" else 46)
            if bytes(data[start : start + name_length]) == b"services.csv":
                struct.pack_into("<I", data, at + offset, 1000)
            at = data.find(signature, at + 4)
    return bytes(data)


def deep_json(depth: int = 100_000) -> bytes:
    """Services nested in `depth` lists: a few hundred kilobytes that break a recursive reader."""
    return b'{"services": ' + b"[" * depth + b"]" * depth + b"}"


def sheet_xml(rows: int, *, dimension: bool = True, header: list[str] | None = None) -> bytes:
    """The XML of a worksheet with a header row and `rows` rows of varied numbers (packs like real data)."""
    parts = [
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    ]
    if dimension:
        parts.append(b'<dimension ref="A1:B%d"/>' % (rows + 1))
    parts.append(b"<sheetData>")
    cells = "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{title}</t></is></c>'
        for i, title in enumerate(header or [])
    )
    parts.append(f'<row r="1">{cells}</row>'.encode())

    # Rows without their optional numbers, in blocks of 10,000 different ones: a block is far larger than
    # deflate's 32 kB window, so the sheet packs like real data, and it is built in a moment.
    def block(count: int) -> bytes:
        return b"".join(
            b"<row><c><v>%d</v></c><c><v>%d</v></c></row>" % ((n * 7919) % 1_000_003, (n * 104_729) % 999_983)
            for n in range(count)
        )

    whole, rest = divmod(rows, 10_000)
    parts.append(block(10_000) * whole + block(rest))
    parts.append(b"</sheetData></worksheet>")
    return b"".join(parts)


def workbook_with_sheet(base: bytes, sheet_number: int, xml: bytes) -> bytes:
    """A copy of the workbook `base` with worksheet `sheet_number` (1-based) replaced by `xml`."""
    target = f"xl/worksheets/sheet{sheet_number}.xml"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            data = xml if info.filename == target else source.read(info)
            archive.writestr(info.filename, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    return out.getvalue()


def huge_workbook(rows: int = 1_000_000, *, dimension: bool = True) -> bytes:
    """A workbook whose sheet 'Diensten' has `rows` rows (and the sheets' headers an import expects)."""
    from openpyxl import Workbook

    from ookbalans.interchange.workbook import SHEETS

    book = Workbook()
    book.remove(book.active)
    for name, columns in SHEETS.items():
        book.create_sheet(name).append([column.header for column in columns])
    base = io.BytesIO()
    book.save(base)
    number = list(SHEETS).index("Diensten") + 1
    header = [column.header for column in SHEETS["Diensten"]]
    return workbook_with_sheet(base.getvalue(), number, sheet_xml(rows, dimension=dimension, header=header))


def multipart_body(boundary: str, fields: dict[str, str], file_field: str, file_name: str, size: int):
    """A multipart form body as a stream that makes its file's `size` bytes only as they are read.

    Returns (stream, content length): a body of hundreds of megabytes costs nothing until it is read.
    """
    head = "".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    )
    head += (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{file_name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    )
    tail = f"\r\n--{boundary}--\r\n".encode()
    stream = LazyBody(head.encode(), size, tail)
    return stream, len(head.encode()) + size + len(tail)


class LazyBody(io.RawIOBase):
    """head, then `size` bytes of 'x', then tail, produced as they are read; counts what was read."""

    def __init__(self, head: bytes, size: int, tail: bytes) -> None:
        super().__init__()
        self.parts = [head, None, tail]
        self.size = size
        self.position = 0
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        head, _, tail = self.parts
        total = len(head) + self.size + len(tail)
        if self.position >= total:
            return 0
        n = min(len(buffer), total - self.position)
        data = bytearray()
        while len(data) < n:
            at = self.position + len(data)
            if at < len(head):
                data += head[at : at + n - len(data)]
            elif at < len(head) + self.size:
                data += b"x" * min(n - len(data), len(head) + self.size - at)
            else:
                start = at - len(head) - self.size
                data += tail[start : start + n - len(data)]
        buffer[:n] = data
        self.position += n
        self.read_bytes += n
        return n
