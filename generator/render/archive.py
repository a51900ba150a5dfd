"""The downloadable archive of every record (``records/dossier-records.zip``), byte-stable.

Compressing ~7,000 records took ~3 s of every `mkdocs serve` rebuild at 1,000 articles, though an
edit changes a handful. So each record is compressed on its own (what ``zipfile`` does inside an
archive: raw deflate at zlib's default level) and a :class:`MemberCache`, owned by whoever builds
again (the MkDocs plugin), keeps the last build's compressed records by path and content: a
rebuild compresses only the changed ones and writes the archive around them. The bytes are
those ``zipfile`` writes for the same members (``tests/render/test_archive.py`` checks it).
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from dataclasses import dataclass, field

#: The members' folder inside the archive.
FOLDER = "dossier-records"
#: 1980-01-01 00:00:00, the first date a zip can hold: fixed, so the archive is byte-stable.
_DOS_DATE, _DOS_TIME = (0 << 9) | (1 << 5) | 1, 0
_VERSION = 20  # deflate needs 2.0
_MADE_BY = (3 << 8) | _VERSION  # on Unix, as zipfile says on a POSIX system
_UTF8 = 0x800  # the name's encoding flag, for a name that is not ASCII
_MODE = 0o644 << 16


@dataclass(frozen=True)
class Member:
    crc: int
    size: int
    data: bytes  # raw deflate


def compress(content: bytes) -> Member:
    packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return Member(zlib.crc32(content), len(content), packer.compress(content) + packer.flush())


@dataclass
class MemberCache:
    """The last archive's compressed members, by path and a digest of their content."""

    members: dict[tuple[str, bytes], Member] = field(default_factory=dict)
    compressed: int = 0  # members the last call compressed (the others were kept)
    #: path -> the text object last given and its member's key: a rebuild that hands in the
    #: same text object (``render.kept_records``) is not encoded and digested again
    texts: dict[str, tuple[str, tuple[str, bytes]]] = field(default_factory=dict)

    def archive(self, records: dict[str, str]) -> bytes:
        """The archive of ``records`` (path in the records folder -> text), in path order; only
        this call's members are kept for the next."""
        kept, self.compressed = self.members, 0
        texts, self.texts = self.texts, {}
        self.members = {}
        members = []
        for path, text in sorted(records.items()):
            last = texts.get(path)
            if last is not None and last[0] is text and last[1] in kept:
                key = last[1]
                member = kept[key]
            else:
                content = text.encode("utf-8")
                key = (path, hashlib.blake2b(content, digest_size=16).digest())
                member = kept.get(key)
                if member is None:
                    member = compress(content)
                    self.compressed += 1
            self.texts[path] = (text, key)
            self.members[key] = member
            members.append((f"{FOLDER}/{path}", member))
        return write_zip(members)


def write_zip(members: list[tuple[str, Member]]) -> bytes:
    """A zip of deflated members, laid out as ``zipfile`` writes one into a seekable file."""
    parts: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, member in members:
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), _UTF8
        fields = (member.crc, len(member.data), member.size, len(encoded))
        local = struct.pack(
            "<4s2H3H3L2H", b"PK\x03\x04", _VERSION, flags, zlib.DEFLATED, _DOS_TIME, _DOS_DATE,
            *fields, 0,
        )  # fmt: skip
        entry = struct.pack(
            "<4s4H2H3L5H2L", b"PK\x01\x02", _MADE_BY, _VERSION, flags, zlib.DEFLATED,
            _DOS_TIME, _DOS_DATE, *fields, 0, 0, 0, 0, _MODE, offset,
        )  # fmt: skip
        central.append(entry + encoded)
        parts += [local, encoded, member.data]
        offset += len(local) + len(encoded) + len(member.data)
    directory = b"".join(central)
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), offset, 0
    )
    return b"".join(parts) + directory + end
