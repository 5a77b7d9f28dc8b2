"""Backup and restore round trips, run as real commands against throwaway sites."""

from __future__ import annotations

import os
import tarfile
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command

from core.tests.embedded import EmbeddedSite

pytestmark = pytest.mark.slow

ADD_AUTHOR = "from news.models import Author; Author.objects.create(name='Kept Safe', slug='kept-safe')"
DROP_AUTHOR = "from news.models import Author; Author.objects.all().delete()"
COUNT_AUTHORS = "from news.models import Author; print(Author.objects.filter(slug='kept-safe').count())"


def round_trip(site: EmbeddedSite, tmp_path: Path) -> None:
    site.migrate()
    site.manage("shell", "-c", ADD_AUTHOR)
    media = site.folder / "media" / "original_images"
    media.mkdir(parents=True)
    (media / "photo.jpg").write_bytes(b"picture bytes")
    archive = tmp_path / "backup.tar.gz"
    assert "Backup written to" in site.manage("backup", "--output", str(archive))

    site.manage("shell", "-c", DROP_AUTHOR)
    (media / "photo.jpg").unlink()
    assert site.manage("shell", "-c", COUNT_AUTHORS).strip().endswith("0")

    assert "Restored the backup" in site.manage("restore", str(archive), "--yes")
    assert site.manage("shell", "-c", COUNT_AUTHORS).strip().endswith("1")
    assert (media / "photo.jpg").read_bytes() == b"picture bytes"


def test_sqlite_backup_restores_database_and_media(tmp_path):
    round_trip(EmbeddedSite(tmp_path / "site"), tmp_path)


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="runs in the PostgreSQL pass of the suite (DATABASE_URL=postgres://…)",
)
def test_postgresql_backup_restores_database_and_media(tmp_path):
    server = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS broadsheet_backup_test")
        connection.execute("CREATE DATABASE broadsheet_backup_test")
    try:
        round_trip(EmbeddedSite(tmp_path / "site", DATABASE_URL=f"{server}/broadsheet_backup_test"), tmp_path)
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute("DROP DATABASE IF EXISTS broadsheet_backup_test WITH (FORCE)")


def test_restore_refuses_a_missing_file_in_one_line(tmp_path):
    with pytest.raises(CommandError, match="No backup file at"):
        call_command("restore", str(tmp_path / "nope.tar.gz"), "--yes")


def test_restore_refuses_an_archive_that_is_not_a_backup(tmp_path):
    archive = tmp_path / "other.tar.gz"
    (tmp_path / "readme.txt").write_text("hello")
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(tmp_path / "readme.txt", arcname="readme.txt")
    with pytest.raises(CommandError, match="not a Broadsheet backup"):
        call_command("restore", str(archive), "--yes")
