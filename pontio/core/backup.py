"""Pontio's database and uploaded files in one self-describing backup file, and restoring one only
after checking that it is a Pontio backup, whole, and made for this kind of database."""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from importlib import metadata
from io import BytesIO
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "pontio-backup"
VERSION = 1
SUFFIX = ".pontio-backup"
MANIFEST = "manifest.json"
MEDIA = "media.tar"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
NOT_A_BACKUP = "This file is not a Pontio backup. Nothing was changed."
DAMAGED = "This backup is damaged or incomplete ({}). Nothing was changed."
# libpq reads these from the environment; dj-database-url puts them in OPTIONS from the URL.
LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "options": "PGOPTIONS",
    "service": "PGSERVICE",
    "passfile": "PGPASSFILE",
}


class BackupError(Exception):
    """A backup could not be made or restored; the message is for the person who asked."""


@dataclass(frozen=True)
class Backup:
    """A backup file unpacked into a staging folder and checked, ready to restore."""

    manifest: dict[str, Any]
    database: Path
    media: Path | None


@dataclass(frozen=True)
class Restored:
    undo: Path
    needs_migrate: bool


def backups_dir() -> Path:
    path = Path(settings.DATA_DIR) / "backups"
    # Backups hold password hashes and sessions: only Pontio's own user may read them.
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def backup_create(*, path: Path | None = None, stem: str | None = None) -> Path:
    """Write a backup of the default database and MEDIA_ROOT; return the file written."""
    connection = connections["default"]
    vendor = connection.vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(f"Pontio cannot back up a {vendor} database.")
    target = _target(path, stem or f"pontio-{_stamp()}")
    with tempfile.TemporaryDirectory(dir=backups_dir(), prefix=".backup-") as tmp:
        database = Path(tmp) / DATABASE_FILES[vendor]
        if vendor == "sqlite":
            _sqlite_dump(connection, database)
        else:
            _pg_dump(connection, database)
        members = [database]
        if _media_tar(Path(tmp) / MEDIA):
            members.append(Path(tmp) / MEDIA)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "vendor": vendor,
            "created_at": timezone.now().isoformat(),
            "pontio_version": _pontio_version(),
            "migrations": _latest_migrations(connection),
            "database": database.name,
            "files": {member.name: _sha256(member) for member in members},
        }
        _write_archive(target, manifest, members)
    return target


@contextmanager
def backup_open(*, path: Path) -> Iterator[Backup]:
    """Unpack and check a backup; raise BackupError, having changed nothing, if it is unsafe."""
    vendor = connections["default"].vendor
    with tempfile.TemporaryDirectory(dir=backups_dir(), prefix=".restore-") as tmp:
        staging = Path(tmp)
        manifest = _unpack(path, staging, vendor)
        database = staging / DATABASE_FILES[vendor]
        if vendor == "sqlite":
            _check_sqlite(database)
        else:
            _check_pg_dump(database)
        media = None
        if MEDIA in manifest["files"]:
            media = staging / "media"
            media.mkdir()  # an empty folder of uploads is still a folder to restore
            try:
                with tarfile.open(staging / MEDIA) as tar:
                    tar.extractall(media, filter="data")
            except (tarfile.TarError, OSError) as error:
                raise BackupError(DAMAGED.format("its uploaded files cannot be read")) from error
        yield Backup(manifest=manifest, database=database, media=media)


def backup_restore(*, backup: Backup) -> Restored:
    """Replace the database and uploaded files with the backup's, first backing up what is there
    now so that a mistaken restore can itself be undone with `pontio restore`."""
    connection = connections["default"]
    if connection.in_atomic_block:
        raise BackupError("Pontio cannot restore a backup inside a database transaction.")
    undo = backup_create(stem=f"before-restore-{_stamp()}")
    if connection.vendor == "sqlite":
        _sqlite_load(connection, backup.database)
    else:
        _pg_load(connection, backup.database)
    _media_load(backup.media)
    ContentType.objects.clear_cache()
    executor = MigrationExecutor(connection)
    needs_migrate = bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    return Restored(undo=undo, needs_migrate=needs_migrate)


def _stamp() -> str:
    return timezone.localtime().strftime("%Y%m%d-%H%M%S")


def _target(path: Path | None, stem: str) -> Path:
    if path is not None and not path.is_dir():
        if not path.parent.is_dir():
            raise BackupError(f"The folder {path.parent} does not exist.")
        return path
    base = (path or backups_dir()) / f"{stem}{SUFFIX}"
    target, n = base, 2
    while target.exists():  # never overwrite an earlier backup made in the same second
        target, n = base.with_name(f"{stem}-{n}{SUFFIX}"), n + 1
    return target


def _sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _pontio_version() -> str:
    try:
        return metadata.version("pontio")
    except metadata.PackageNotFoundError:
        return "unknown"


def _latest_migrations(connection: BaseDatabaseWrapper) -> dict[str, str]:
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return {}
    rows = recorder.migration_qs.order_by("id").values_list("app", "name")
    return {app: name for app, name in rows}


def _sqlite_dump(connection: BaseDatabaseWrapper, target: Path) -> None:
    connection.ensure_connection()
    # Through Django's own connection: the backup API copies a consistent snapshot while the web
    # server and worker keep writing, and it also reaches the in-memory database of the tests.
    with closing(sqlite3.connect(target)) as copy:
        connection.connection.backup(copy)
        # A plain single file (no -wal beside it) that opens anywhere, even read-only.
        copy.execute("PRAGMA journal_mode=DELETE")


def _media_tar(target: Path) -> bool:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return False
    # Staged as one file so its checksum is of what is in the backup, even if uploads arrive
    # while it is being made.
    with tarfile.open(target, "w") as tar:
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.is_symlink():
                try:
                    tar.add(path, arcname=path.relative_to(root).as_posix(), recursive=False)
                except FileNotFoundError:
                    continue  # deleted while we were copying: it is gone from Pontio anyway
    return True


def _write_archive(target: Path, manifest: dict[str, Any], members: list[Path]) -> None:
    partial = target.with_name(target.name + ".partial")
    try:
        # Written beside the target and renamed into place, so a backup interrupted half way
        # never leaves a file that looks like a finished one.
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as raw:
            with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar:
                data = json.dumps(manifest, indent=2, sort_keys=True).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime, info.mode = len(data), int(timezone.now().timestamp()), 0o600
                tar.addfile(info, BytesIO(data))  # first, so restore can tell at once what it is
                for member in members:
                    tar.add(member, arcname=member.name, filter=_anonymous)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _anonymous(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def _unpack(path: Path, staging: Path, vendor: str) -> dict[str, Any]:
    if not path.is_file():
        raise BackupError(f"There is no file at {path}.")
    manifest: dict[str, Any] | None = None
    seen: dict[str, str] = {}
    try:
        with tarfile.open(path, "r|gz") as tar:
            manifest = _read_manifest(tar)
            _check_manifest(manifest, vendor)
            while (member := tar.next()) is not None:
                if member.name not in manifest["files"] or member.name in seen:
                    raise BackupError(DAMAGED.format("it holds files its manifest does not list"))
                source = tar.extractfile(member)
                if not member.isfile() or source is None:
                    raise BackupError(DAMAGED.format("it holds something other than files"))
                with (staging / member.name).open("wb") as out:
                    seen[member.name] = _copy_hashing(source, out)
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        if isinstance(error, OSError) and error.errno is not None:
            raise BackupError(f"Pontio could not read or unpack the backup: {error}") from error
        if manifest is None:
            raise BackupError(NOT_A_BACKUP) from error
        raise BackupError(DAMAGED.format("the file ends early or cannot be read")) from error
    for name, digest in manifest["files"].items():
        if name not in seen:
            raise BackupError(DAMAGED.format(f"{name} is missing"))
        if seen[name] != digest:
            raise BackupError(DAMAGED.format("checksum does not match"))
    return manifest


def _read_manifest(tar: tarfile.TarFile) -> dict[str, Any]:
    first = tar.next()
    if first is None or first.name != MANIFEST or not first.isfile():
        raise BackupError(NOT_A_BACKUP)
    source = tar.extractfile(first)
    try:
        manifest = json.loads(source.read()) if source is not None else None
    except ValueError as error:
        raise BackupError(NOT_A_BACKUP) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(NOT_A_BACKUP)
    return manifest


def _check_manifest(manifest: dict[str, Any], vendor: str) -> None:
    version = manifest.get("version")
    if not isinstance(version, int) or version < 1:
        raise BackupError(DAMAGED.format("its manifest has no valid version"))
    if version > VERSION:
        raise BackupError(
            f"This backup was made by a newer Pontio (backup format {version}; this Pontio "
            f"reads format {VERSION}). Upgrade Pontio, then restore. Nothing was changed."
        )
    theirs = manifest.get("vendor")
    if theirs != vendor:
        their_name = VENDOR_NAMES.get(str(theirs), str(theirs))
        raise BackupError(
            f"This backup is from a {their_name} database; this Pontio uses "
            f"{VENDOR_NAMES.get(vendor, vendor)}. Nothing was changed."
        )
    files = manifest.get("files")
    allowed = {DATABASE_FILES[vendor], MEDIA}
    if (
        not isinstance(files, dict)
        or DATABASE_FILES[vendor] not in files
        or not set(files) <= allowed
        or not all(isinstance(digest, str) for digest in files.values())
    ):
        raise BackupError(DAMAGED.format("its manifest does not list its files"))
    _check_migrations(manifest.get("migrations"))


def _check_migrations(migrations: object) -> None:
    if not isinstance(migrations, dict):
        raise BackupError(DAMAGED.format("its manifest has no migration summary"))
    loader = MigrationLoader(None, ignore_no_migrations=True)
    unknown = sorted(
        f"{app}.{name}"
        for app, name in migrations.items()
        if app in loader.migrated_apps and (app, name) not in loader.disk_migrations
    )
    if unknown:
        raise BackupError(
            "This backup was made by a newer Pontio: its database has changes this Pontio does "
            f"not know ({', '.join(unknown)}). Upgrade Pontio, then restore. Nothing was changed."
        )


def _copy_hashing(source: IO[bytes], out: IO[bytes]) -> str:
    digest = hashlib.sha256()
    while chunk := source.read(1 << 20):
        digest.update(chunk)
        out.write(chunk)
    return digest.hexdigest()


def _check_sqlite(path: Path) -> None:
    try:
        with closing(sqlite3.connect(path)) as db:
            result = db.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError:
        result = []
    if result != [("ok",)]:
        raise BackupError(DAMAGED.format("its database fails SQLite's integrity check"))


def _sqlite_load(connection: BaseDatabaseWrapper, source: Path) -> None:
    connection.ensure_connection()
    # The backup API writes the restored pages into the live database, under SQLite's own locks
    # and in one transaction: the web server and worker see the old data or the new, never a
    # mix. Swapping the file with os.replace would leave them reading the old file, and the old
    # database's -wal journal could be replayed into the new one and corrupt it.
    try:
        with closing(sqlite3.connect(source)) as db:
            db.backup(connection.connection)
    except sqlite3.Error as error:
        raise BackupError(f"SQLite could not restore the backup ({error}).") from error


def _pg_command(name: str) -> str:
    if found := shutil.which(name):
        return found
    bindirs = Path("/usr/lib/postgresql").glob("*/bin")
    for bindir in sorted(
        bindirs, key=lambda p: int(p.parent.name) if p.parent.name.isdecimal() else 0, reverse=True
    ):
        if (bindir / name).is_file():
            return str(bindir / name)
    raise BackupError(
        f"{name} was not found. Install the PostgreSQL client tools (e.g. the postgresql-client "
        "package) at least as new as the database server, then try again."
    )


def _pg_run(name: str, connection: BaseDatabaseWrapper, *args: str) -> None:
    params = connection.settings_dict
    command = [_pg_command(name), "--no-password"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if params.get(key):
            command.append(f"{flag}={params[key]}")
    command.append(f"--dbname={params['NAME']}")
    # The password goes in the environment: a command line is visible to every user in `ps`.
    env = dict(os.environ)
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = str(params["PASSWORD"])
    for option, variable in LIBPQ_OPTIONS.items():
        if option in (params.get("OPTIONS") or {}):
            env[variable] = str(params["OPTIONS"][option])
    result = subprocess.run(  # noqa: S603 - fixed program, arguments passed as a list
        [*command, *args], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{name} failed: {result.stderr.strip()}")


def _pg_dump(connection: BaseDatabaseWrapper, target: Path) -> None:
    _pg_run("pg_dump", connection, "--format=custom", f"--file={target}")


def _check_pg_dump(path: Path) -> None:
    result = subprocess.run(  # noqa: S603 - fixed program, arguments passed as a list
        [_pg_command("pg_restore"), "--list", str(path)],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(DAMAGED.format("PostgreSQL cannot read its database dump"))


def _pg_load(connection: BaseDatabaseWrapper, source: Path) -> None:
    # pg_restore drops every table: an open session of ours could hold locks that block it.
    connection.close()
    # One transaction: if any statement fails, the database is left exactly as it was.
    _pg_run(
        "pg_restore",
        connection,
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        str(source),
    )


def _media_load(media: Path | None) -> None:
    root = Path(settings.MEDIA_ROOT)
    if media is None and not root.exists():
        return
    if media is None:
        media = Path(tempfile.mkdtemp(dir=backups_dir(), prefix=".media-empty-"))
    # The current files are in the before-restore backup, so they can be set aside and deleted.
    root.parent.mkdir(parents=True, exist_ok=True)
    old = Path(tempfile.mkdtemp(dir=root.parent, prefix=f".{root.name}-before-restore-"))
    if root.exists():
        os.replace(root, old / root.name)
    shutil.move(media, root)
    shutil.rmtree(old, ignore_errors=True)
