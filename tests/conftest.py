"""Fixtures for the cross-app tests: the output folder and the demo newsroom served for real."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

from tests.demosite import serve_demo_site

OUTPUT = Path(os.environ.get("TEST_OUTPUT_DIR", settings.BASE_DIR / "test-output"))
TOOLS = settings.BASE_DIR / "tools" / "node_modules"


@pytest.fixture
def output_dir() -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    return OUTPUT


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the demo newsroom on the embedded profile, DEBUG off, served by Granian."""
    with serve_demo_site(tmp_path_factory.mktemp("demo-site")) as base_url:
        yield base_url


def tool(*parts: str) -> Path:
    """A file installed by `npm ci --prefix tools`; missing means a failing test, never a skip."""
    path = TOOLS.joinpath(*parts)
    assert path.exists(), f"{path} is missing: run `npm ci --prefix tools` (make test does)"
    return path
