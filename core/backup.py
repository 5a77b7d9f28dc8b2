"""Backups of the database and uploaded media into one .tar.gz, and restoring them.

SQLite uses its online backup API (safe while the site runs); PostgreSQL uses
pg_dump / pg_restore from the machine's PostgreSQL client. Media are read from and written back
to the media storage, local files or an object-storage bucket alike (``core.media``).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connections
from django.utils import timezone

from core.media import stored_names

FORMAT_VERSION = 1


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why in one line."""


def _database() -> dict:
    return settings.DATABASES["default"]


def _engine() -> str:
    engine = _database()["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if engine.endswith("postgresql"):
        return "postgresql"
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {engine}.")


def _pg_env() -> tuple[list[str], dict[str, str]]:
    db = _database()
    args = ["--host", str(db.get("HOST") or "localhost"), "--port", str(db.get("PORT") or 5432)]
    args += ["--username", str(db.get("USER") or "postgres"), "--dbname", str(db["NAME"])]
    env = os.environ | ({"PGPASSWORD": str(db["PASSWORD"])} if db.get("PASSWORD") else {})
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian package postgresql-client).")
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        last_line = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
        raise BackupError(f"{command[0]} failed: {last_line}")


def _dump_database(folder: Path) -> str:
    engine = _engine()
    if engine == "sqlite":
        target = folder / "db.sqlite3"
        with sqlite3.connect(_database()["NAME"]) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
        return target.name
    args, env = _pg_env()
    target = folder / "db.dump"
    _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target), *args], env)
    return target.name


Progress = Callable[[int, int], None]


def _media_files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def _stored_media() -> list[str]:
    try:
        return list(stored_names(default_storage))
    except FileNotFoundError:  # the local media folder is made by the first upload
        return []


def add_media(archive: tarfile.TarFile, progress: Progress | None = None) -> None:
    """Add every file of the media storage to the archive, under ``media/``."""
    names = _stored_media()
    for done, name in enumerate(names, start=1):
        with default_storage.open(name) as handle:
            info = tarfile.TarInfo(f"media/{name}")
            info.size = handle.size
            archive.addfile(info, handle)
        if progress:
            progress(done, len(names))


def put_back_media(saved: Path, progress: Progress | None = None) -> None:
    """Make the media storage hold exactly the files under ``saved``, each under its own name."""
    for name in _stored_media():
        default_storage.delete(name)
    files = _media_files(saved)
    for done, path in enumerate(files, start=1):
        name = path.relative_to(saved).as_posix()
        with path.open("rb") as handle:
            stored = default_storage.save(name, File(handle))
        if stored != name:
            raise BackupError(f"{name} could not be put back under its own name (it became {stored}).")
        if progress:
            progress(done, len(files))


def create_backup(output: Path, progress: Progress | None = None) -> Path:
    """Write database + media + manifest to ``output`` (a .tar.gz); return its path.

    ``progress(done, total)`` is told after the database and after each media file."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        database_file = _dump_database(Path(scratch))
        manifest = {
            "format": FORMAT_VERSION,
            "engine": _engine(),
            "database": database_file,
            "created": timezone.now().isoformat(),
        }
        with tarfile.open(output, "w:gz") as archive:
            archive.add(Path(scratch) / database_file, arcname=database_file)
            add_media(archive, progress)
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return output


def _read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        member = archive.extractfile("manifest.json")  # KeyError when there is none
        if member is None:  # a directory or link of that name
            raise KeyError("manifest.json")
        manifest = json.load(member)
    except (KeyError, json.JSONDecodeError) as error:
        raise BackupError("This file is not a Broadsheet backup (no manifest).") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Unsupported backup format {manifest.get('format')!r}.")
    if manifest.get("engine") != _engine():
        raise BackupError(f"This backup is from {manifest.get('engine')}; the site runs on {_engine()}.")
    return manifest


def restore_backup(source: Path, progress: Progress | None = None) -> dict:
    """Replace the database and media with the backup's; return its manifest.

    ``progress(done, total)`` is told after each media file put back."""
    if not source.is_file():
        raise BackupError(f"No backup file at {source}.")
    with tempfile.TemporaryDirectory() as scratch:
        try:
            with tarfile.open(source, "r:gz") as archive:
                manifest = _read_manifest(archive)
                archive.extractall(scratch, filter="data")
        except tarfile.TarError as error:
            raise BackupError(f"{source} is not a .tar.gz backup.") from error
        connections.close_all()
        _restore_database(Path(scratch) / manifest["database"])
        saved = Path(scratch) / "media"
        if saved.exists():
            put_back_media(saved, progress)
    return manifest


def _restore_database(dump: Path) -> None:
    if _engine() == "sqlite":
        with sqlite3.connect(dump) as source, sqlite3.connect(_database()["NAME"]) as target:
            source.backup(target)
        return
    args, env = _pg_env()
    _run(
        ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", *args, str(dump)], env
    )
