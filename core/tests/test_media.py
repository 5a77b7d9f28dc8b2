"""Media in an S3-compatible bucket: stored, served on this site's address, backed up and restored.

moto's in-process mock stands in for the bucket; deploy/check_deployment.py does the same with a
real S3-compatible server and two app processes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from moto import mock_aws
from pytest_django import Settings

from conftest import make_image
from core import backup, media

BUCKET = "broadsheet-media-test"


@pytest.fixture
def bucket(settings: Settings) -> Iterator[Any]:
    """The site's media storage switched to a (mocked) bucket; yields the boto3 client."""
    with mock_aws():
        client = boto3.client("s3", region_name="eu-west-1")
        client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        settings.STORAGES = settings.STORAGES | {
            "default": {
                "BACKEND": "core.media.ObjectStorage",
                "OPTIONS": {
                    "bucket_name": BUCKET,
                    "region_name": "eu-west-1",
                    "access_key": "testing",
                    "secret_key": "testing",
                    "location": "site",
                    "file_overwrite": False,
                    "default_acl": None,
                },
            }
        }
        yield client


def keys(client: Any) -> list[str]:  # a boto3 S3 client (its classes are built at run time)
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def test_a_file_round_trips_through_the_bucket_under_a_site_address(bucket):
    first = default_storage.save("original_images/photo.jpg", ContentFile(b"first bytes"))
    second = default_storage.save("original_images/photo.jpg", ContentFile(b"second bytes"))
    assert first == "original_images/photo.jpg"
    assert second != first
    assert keys(bucket) == sorted(f"site/{name}" for name in (first, second))
    with default_storage.open(first) as handle:
        assert handle.read() == b"first bytes"
    assert default_storage.url(first) == "/media/original_images/photo.jpg"
    assert sorted(media.stored_names()) == sorted([first, second])


@pytest.mark.django_db
def test_an_image_and_its_rendition_live_in_the_bucket_and_are_served_by_the_site(bucket, client):
    image = make_image(size=(800, 450))
    rendition = image.get_rendition("width-200")
    stored = keys(bucket)
    assert f"site/{image.file.name}" in stored
    assert f"site/{rendition.file.name}" in stored
    assert rendition.url == f"/media/{rendition.file.name}"

    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == media.MEDIA_CACHE_CONTROL
    body = b"".join(response.streaming_content)
    assert body == bucket.get_object(Bucket=BUCKET, Key=f"site/{rendition.file.name}")["Body"].read()
    assert client.get("/media/original_images/missing.jpg").status_code == 404
    assert client.get("/media/../site/original_images/x.jpg").status_code == 404
    assert client.get("/media/original_images/").status_code == 404


def test_backup_and_restore_cover_the_media_in_the_bucket(bucket, tmp_path: Path):
    default_storage.save("original_images/kept.jpg", ContentFile(b"kept"))
    default_storage.save("images/kept.width-200.jpg", ContentFile(b"rendition"))
    archive_path = tmp_path / "media.tar.gz"
    with tarfile.open(archive_path, "w:gz") as archive:
        backup.add_media(archive)

    default_storage.delete("original_images/kept.jpg")
    default_storage.save("original_images/added-later.jpg", ContentFile(b"not in the backup"))
    with tarfile.open(archive_path, "r:gz") as archive:
        archive.extractall(tmp_path / "unpacked", filter="data")
    backup.put_back_media(tmp_path / "unpacked" / "media")

    assert keys(bucket) == ["site/images/kept.width-200.jpg", "site/original_images/kept.jpg"]
    assert bucket.get_object(Bucket=BUCKET, Key="site/original_images/kept.jpg")["Body"].read() == b"kept"


def test_without_a_bucket_media_stay_local_files(tmp_path, settings):
    show = "import json, django; django.setup(); from django.conf import settings as s; "
    show += "print(json.dumps([s.STORAGES['default']['BACKEND'], s.SERVE_MEDIA]))"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDIA_")}
    env |= {"DJANGO_SETTINGS_MODULE": "broadsheet.settings", "BROADSHEET_VAR_DIR": str(tmp_path)}

    def loaded(**extra: str) -> list:
        done = subprocess.run(
            [sys.executable, "-c", show],
            env=env | extra,
            capture_output=True,
            text=True,
            cwd=settings.BASE_DIR,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    assert loaded() == ["django.core.files.storage.FileSystemStorage", True]
    production = {
        "BROADSHEET_PROFILE": "production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "news.example.org",
        "DATABASE_URL": "postgres://u@127.0.0.1/db",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    assert loaded(**production) == ["django.core.files.storage.FileSystemStorage", False]
    assert loaded(**production, MEDIA_BUCKET="news-media") == ["core.media.ObjectStorage", True]
