"""`pontio backup` and `pontio restore`: a round trip brings the data and uploads back, and a file
that is not a whole Pontio backup for this kind of database is refused with nothing changed."""

import hashlib
import io
import json
import shutil
import tarfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from pontio.taxonomy.models import Topic

pytestmark = pytest.mark.django_db(transaction=True)
OTHER_VENDOR = {"sqlite": ("postgresql", "PostgreSQL"), "postgresql": ("sqlite", "SQLite")}
OUR_VENDOR = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def pg_tools_installed() -> bool:
    return all(
        shutil.which(name) or list(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
        for name in ("pg_dump", "pg_restore")
    )


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Path:
    if connection.vendor == "postgresql" and not pg_tools_installed():
        pytest.skip("pg_dump and pg_restore are not installed (apt-get install postgresql-client)")
    settings.DATA_DIR = tmp_path / "data"
    settings.MEDIA_ROOT = tmp_path / "data" / "media"
    settings.MEDIA_ROOT.mkdir(parents=True)
    return tmp_path / "data"


class Terminal(io.StringIO):
    """Standard input as if someone were at a terminal, typing the given answer."""

    def isatty(self) -> bool:
        return True


def delete_all_topics() -> None:
    Topic.objects.filter(parent__isnull=False).delete()  # narrower topics protect their parents
    Topic.objects.all().delete()


def make_topic(slug: str) -> Topic:
    return Topic.objects.create(slug=slug, name_en=slug.title())


def topic_slugs() -> set[str]:
    """The tests' own topics (migrations also seed some, which a flush between tests removes)."""
    mine = Topic.objects.filter(slug__in=["housing", "transport"])
    return set(mine.values_list("slug", flat=True))


def backup(tmp_path: Path) -> Path:
    path = tmp_path / "test.pontio-backup"
    call_command("backup", str(path), stdout=io.StringIO())
    return path


def restore(path: Path, **options: Any) -> str:
    out = io.StringIO()
    call_command("restore", str(path), stdout=out, **{"yes": True, **options})
    return out.getvalue()


def undo_backups(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "backups").glob("before-restore-*.pontio-backup"))


def rewrite(
    source: Path,
    target: Path,
    *,
    manifest: dict[str, Any] | None = None,
    database: bytes | None = None,
    fix_checksum: bool = False,
) -> Path:
    """A copy of a backup with its manifest or database changed, as by a forger or bit rot."""
    with tarfile.open(source, "r:gz") as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}  # type: ignore[union-attr]
    meta = json.loads(members["manifest.json"])
    meta.update(manifest or {})
    if database is not None:
        members[meta["database"]] = database
        if fix_checksum:
            meta["files"][meta["database"]] = hashlib.sha256(database).hexdigest()
    members["manifest.json"] = json.dumps(meta).encode()
    with tarfile.open(target, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return target


def refused(path: Path, message: str) -> None:
    with pytest.raises(CommandError, match=message):
        restore(path)


def test_it_restores_the_data_and_uploads_that_were_backed_up(
    tmp_path: Path, data_dir: Path
) -> None:
    make_topic("housing")
    (data_dir / "media" / "briefs").mkdir()
    (data_dir / "media" / "briefs" / "brief.txt").write_text("original")
    path = backup(tmp_path)

    Topic.objects.filter(slug="housing").delete()
    make_topic("transport")
    (data_dir / "media" / "briefs" / "brief.txt").write_text("overwritten")
    (data_dir / "media" / "later.txt").write_text("uploaded after the backup")
    out = restore(path)

    assert topic_slugs() == {"housing"}
    assert (data_dir / "media" / "briefs" / "brief.txt").read_text() == "original"
    assert not (data_dir / "media" / "later.txt").exists()
    assert "Restored the backup" in out


def test_it_keeps_what_was_there_so_a_restore_can_be_undone(tmp_path: Path, data_dir: Path) -> None:
    make_topic("housing")
    path = backup(tmp_path)
    delete_all_topics()
    make_topic("transport")
    (data_dir / "media" / "later.txt").write_text("uploaded after the backup")
    restore(path)

    [undo] = undo_backups(data_dir)
    restore(undo)

    assert topic_slugs() == {"transport"}
    assert (data_dir / "media" / "later.txt").read_text() == "uploaded after the backup"


def test_it_writes_a_self_describing_file_in_the_data_dir_by_default(data_dir: Path) -> None:
    make_topic("housing")
    out = io.StringIO()
    call_command("backup", stdout=out)

    [path] = (data_dir / "backups").glob("pontio-*.pontio-backup")
    assert str(path) in out.getvalue()
    with tarfile.open(path, "r:gz") as tar:
        assert tar.getnames()[0] == "manifest.json"
        manifest = json.load(tar.extractfile("manifest.json"))  # type: ignore[arg-type]
        payload = tar.extractfile(manifest["database"]).read()  # type: ignore[union-attr]
    assert manifest["format"] == "pontio-backup"
    assert manifest["version"] == 1
    assert manifest["vendor"] == connection.vendor
    assert manifest["migrations"]["taxonomy"].startswith("0")
    assert manifest["files"][manifest["database"]] == hashlib.sha256(payload).hexdigest()
    assert "media.tar" in manifest["files"]
    assert path.stat().st_mode & 0o077 == 0


def test_it_refuses_a_truncated_backup_and_changes_nothing(tmp_path: Path, data_dir: Path) -> None:
    make_topic("housing")
    path = backup(tmp_path)
    delete_all_topics()
    make_topic("transport")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])

    refused(path, "This backup is damaged or incomplete")

    assert topic_slugs() == {"transport"}
    assert undo_backups(data_dir) == []


@pytest.mark.parametrize(
    "content",
    [b"", b"just some notes\n" * 100, bytes(range(256)) * 40],
    ids=["empty", "text", "binary"],
)
def test_it_refuses_a_file_that_is_not_a_backup(
    tmp_path: Path, data_dir: Path, content: bytes
) -> None:
    make_topic("transport")
    path = tmp_path / "notes.pontio-backup"
    path.write_bytes(content)

    refused(path, "This file is not a Pontio backup")

    assert topic_slugs() == {"transport"}
    assert undo_backups(data_dir) == []


def test_it_refuses_another_programs_archive(tmp_path: Path) -> None:
    path = tmp_path / "other.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("manifest.json")
        data = json.dumps({"format": "something-else", "version": 1}).encode()
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))

    refused(path, "This file is not a Pontio backup")


def test_it_refuses_a_backup_whose_checksum_does_not_match(tmp_path: Path, data_dir: Path) -> None:
    make_topic("housing")
    original = backup(tmp_path)
    with tarfile.open(original, "r:gz") as tar:
        manifest = json.load(tar.extractfile("manifest.json"))  # type: ignore[arg-type]
        payload = bytearray(tar.extractfile(manifest["database"]).read())  # type: ignore[union-attr]
    payload[len(payload) // 2] ^= 0xFF
    tampered = rewrite(original, tmp_path / "tampered.pontio-backup", database=bytes(payload))
    delete_all_topics()

    refused(tampered, r"damaged or incomplete \(checksum does not match\)")

    assert topic_slugs() == set()
    assert undo_backups(data_dir) == []


def test_it_refuses_a_database_that_cannot_be_read_even_with_a_matching_checksum(
    tmp_path: Path, data_dir: Path
) -> None:
    make_topic("housing")
    damaged = rewrite(
        backup(tmp_path),
        tmp_path / "damaged.pontio-backup",
        database=b"SQLite format 3\x00" + b"\x00" * 4096,
        fix_checksum=True,
    )

    refused(damaged, "This backup is damaged or incomplete")

    assert topic_slugs() == {"housing"}
    assert undo_backups(data_dir) == []


def test_it_refuses_a_backup_from_the_other_kind_of_database(
    tmp_path: Path, data_dir: Path
) -> None:
    make_topic("housing")
    vendor, name = OTHER_VENDOR[connection.vendor]
    foreign = rewrite(
        backup(tmp_path), tmp_path / "foreign.pontio-backup", manifest={"vendor": vendor}
    )
    delete_all_topics()

    refused(
        foreign,
        f"This backup is from a {name} database; this Pontio uses {OUR_VENDOR[connection.vendor]}",
    )

    assert topic_slugs() == set()
    assert undo_backups(data_dir) == []


def test_it_refuses_a_backup_from_a_newer_pontio(tmp_path: Path) -> None:
    path = backup(tmp_path)
    newer_format = rewrite(path, tmp_path / "v2.pontio-backup", manifest={"version": 2})
    newer_schema = rewrite(
        path, tmp_path / "m.pontio-backup", manifest={"migrations": {"taxonomy": "9999_future"}}
    )

    refused(newer_format, "made by a newer Pontio")
    refused(newer_schema, r"made by a newer Pontio.*taxonomy\.9999_future")


def test_it_refuses_to_restore_without_yes_when_there_is_no_terminal_to_ask(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = backup(tmp_path)
    make_topic("transport")
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))

    with pytest.raises(CommandError, match="--yes"):
        restore(path, yes=False)

    assert topic_slugs() == {"transport"}
    assert undo_backups(data_dir) == []


def test_it_asks_first_and_restores_only_on_yes(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = backup(tmp_path)
    make_topic("transport")

    monkeypatch.setattr("sys.stdin", Terminal("no\n"))
    with pytest.raises(CommandError, match="cancelled"):
        restore(path, yes=False)
    assert topic_slugs() == {"transport"}

    monkeypatch.setattr("sys.stdin", Terminal("yes\n"))
    restore(path, yes=False)
    assert topic_slugs() == set()
