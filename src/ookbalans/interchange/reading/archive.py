"""Zip files (a datapackage, a workbook) opened within the import limits, refused before they are unpacked."""

from __future__ import annotations

import io
import re
import zipfile

from django.utils.translation import gettext as _

from ookbalans.interchange.limits import MB, Limits, in_megabytes

# Python's zipfile bounds what deflate unpacks to the declared size; bzip2 and lzma it does not.
PACKINGS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
# A datapackage has about 25 files and a workbook about 20 parts; each entry costs memory to list.
MAX_ENTRIES = 1000
# Below this size an entry's ratio does not matter: the total bounds it (tiny files pack extremely well).
RATIO_FROM = MB
END_OF_DIRECTORY = b"PK\x05\x06"


class TooLarge(Exception):
    """The unpacked bytes passed the limit while reading: the declared sizes were wrong."""


class Budget:
    """The bytes an import may still unpack, spent as they are actually read."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0

    def spend(self, size: int) -> None:
        self.used += size
        if self.used > self.limit:
            raise TooLarge(self.used)


class Counted(io.RawIOBase):
    """A stream that charges every byte read to a budget (wrap it in io.BufferedReader)."""

    def __init__(self, stream, budget: Budget) -> None:
        super().__init__()
        self.stream = stream
        self.budget = budget

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.stream.read(len(buffer))
        self.budget.spend(len(data))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self.stream.close()
        super().close()


def counted_text(stream, budget: Budget) -> io.TextIOWrapper:
    """A binary stream as UTF-8 text (a byte order mark skipped), every byte charged to the budget."""
    return io.TextIOWrapper(io.BufferedReader(Counted(stream, budget)), encoding="utf-8-sig", newline="")


def entry_count(file) -> int | None:
    """How many entries the zip's end record announces, read from its last bytes; None if there is none."""
    file.seek(0, io.SEEK_END)
    size = file.tell()
    file.seek(max(0, size - 22 - 65_535))
    tail = file.read()
    file.seek(0)
    at = tail.rfind(END_OF_DIRECTORY)
    if at < 0 or len(tail) - at < 22:
        return None
    return int.from_bytes(tail[at + 10 : at + 12], "little")


def refusal(file, limits: Limits) -> tuple[str, str] | None:
    """Why a zip file is not unpacked at all, as (what was found, what was expected); None if it may be.

    Looks only at the zip's directory: the number of entries, how each is packed, and the sizes it declares.
    """
    count = entry_count(file)
    if count is not None and count > MAX_ENTRIES:
        return (
            _("%(count)d parts") % {"count": count},
            _("expected a zip file of at most %(count)d parts.") % {"count": MAX_ENTRIES},
        )
    with zipfile.ZipFile(file) as archive:
        total = 0
        for info in archive.infolist():
            if info.compress_type not in PACKINGS:
                return info.filename, _("expected a zip file packed in the usual way (deflate).")
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > RATIO_FROM and ratio > limits.ratio:
                return (
                    f"{info.filename}: {ratio:.0f}:1",
                    _("expected parts that unpack to at most %(ratio)d times their packed size.")
                    % {"ratio": limits.ratio},
                )
    if total > limits.unpacked_bytes:
        return (
            in_megabytes(total),
            _("expected a zip file that unpacks to at most %(size)s.")
            % {"size": in_megabytes(limits.unpacked_bytes)},
        )
    return None


def unpack_all(
    file, limits: Limits, pattern: re.Pattern | None = None, parts: set[str] | None = None
) -> dict[str, int]:
    """Unpack every entry (or only `parts`) once without keeping it, counting the actual bytes: raises
    TooLarge past the limit.

    For a workbook, which openpyxl unpacks itself: afterwards its parts are known to stay within the limit.
    Returns how often `pattern` occurs in each entry (about: a match across two megabytes is missed).
    """
    budget = Budget(limits.unpacked_bytes)
    found = {}
    with zipfile.ZipFile(file) as archive:
        for info in archive.infolist():
            if parts is not None and info.filename not in parts:
                continue
            count = 0
            with archive.open(info) as stream:
                while chunk := stream.read(MB):
                    budget.spend(len(chunk))
                    if pattern is not None:
                        count += sum(1 for _ in pattern.finditer(chunk))
            found[info.filename] = count
    file.seek(0)
    return found


def too_large_text(limits: Limits) -> str:
    size = in_megabytes(limits.unpacked_bytes)
    return _("expected a file that unpacks to at most %(size)s.") % {"size": size}
