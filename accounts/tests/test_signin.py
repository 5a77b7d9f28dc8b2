"""Sign-in: a short, growing delay per address and user name, never a lock on the account."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from freezegun import freeze_time

from accounts import signin

pytestmark = pytest.mark.django_db
PASSWORD = "the editor's right password"


@pytest.fixture
def editor() -> User:
    return User.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def sign_in(address: str, password: str, username: str = "editor") -> int:
    response = Client(REMOTE_ADDR=address).post("/admin/login/", {"username": username, "password": password})
    return response.status_code


def test_failures_from_many_addresses_do_not_keep_the_editor_out_of_a_fresh_one(editor):
    for n in range(5):
        for _ in range(signin.FREE_FAILURES + 3):
            sign_in(f"198.51.100.{n}", "a guess")
    assert sign_in("203.0.113.50", PASSWORD) == 302  # signed in


def test_guessing_from_one_address_waits_longer_after_each_failure(editor):
    with freeze_time("2026-06-01 12:00:00") as clock:
        assert [sign_in("203.0.113.7", "a guess") for _ in range(signin.FREE_FAILURES)] == [200] * 5
        assert sign_in("203.0.113.7", PASSWORD) == 429  # even the right password waits
        clock.tick(timedelta(seconds=61))
        assert sign_in("203.0.113.7", "another guess") == 200  # one more try, then a longer wait
        clock.tick(timedelta(seconds=61))
        assert sign_in("203.0.113.7", "a third guess") == 429
        clock.tick(timedelta(seconds=60))
        assert sign_in("203.0.113.7", PASSWORD) == 302


def test_tries_while_waiting_are_not_counted_and_the_wait_is_capped():
    assert signin.delay(signin.FREE_FAILURES, signin.FREE_FAILURES) == signin.FIRST_DELAY
    assert signin.delay(signin.FREE_FAILURES + 20, signin.FREE_FAILURES) == signin.LONGEST_DELAY
    assert signin.delay(signin.FREE_FAILURES - 1, signin.FREE_FAILURES) == timedelta(0)


def test_one_address_trying_every_user_name_is_slowed_too(editor):
    for n in range(signin.ADDRESS_FAILURES):
        assert sign_in("203.0.113.9", "a guess", username=f"someone{n}") == 200
    assert sign_in("203.0.113.9", PASSWORD) == 429
    assert sign_in("203.0.113.10", PASSWORD) == 302


def test_the_logs_name_no_address(editor, caplog):
    with caplog.at_level(logging.INFO):
        for _ in range(signin.FREE_FAILURES + 1):
            sign_in("203.0.113.77", "a guess")
    assert caplog.records
    assert not any("203.0.113.77" in record.getMessage() for record in caplog.records)
