"""The records archive: the bytes ``zipfile`` writes for the same members, every record in it,
and a rebuild compresses only the records that changed."""

from __future__ import annotations

import io
import zipfile

from generator.render.archive import FOLDER, MemberCache


def _zipfile_archive(records: dict[str, str]) -> bytes:
    """The archive as the plugin made it with ``zipfile`` before it kept compressed members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, text in sorted(records.items()):
            info = zipfile.ZipInfo(f"{FOLDER}/{path}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text)
    return buffer.getvalue()


def _records(seeds_build) -> dict[str, str]:
    return {**seeds_build.records, **seeds_build.records_json}


def test_the_archive_is_what_zipfile_writes_and_holds_every_record(seeds_build):
    records = _records(seeds_build)
    records["people/zoë-ünïcode.yml"] = "name: Zoë\n"  # a name that is not ASCII
    made = MemberCache().archive(records)
    assert made == _zipfile_archive(records)
    with zipfile.ZipFile(io.BytesIO(made)) as archive:
        assert archive.testzip() is None
        assert {
            name.removeprefix(f"{FOLDER}/"): archive.read(name).decode()
            for name in archive.namelist()
        } == records


def test_a_rebuild_compresses_only_the_changed_records(seeds_build):
    records = _records(seeds_build)
    cache = MemberCache()
    cache.archive(records)
    assert cache.compressed == len(records)
    path = sorted(records)[0]
    changed = {**records, path: records[path] + "# edited\n"}
    again = cache.archive(changed)
    assert cache.compressed == 1
    assert again == _zipfile_archive(changed)
    del changed[path]  # a removed record leaves the archive, and the cache
    assert cache.archive(changed) == _zipfile_archive(changed)
    assert cache.compressed == 0 and len(cache.members) == len(changed)
