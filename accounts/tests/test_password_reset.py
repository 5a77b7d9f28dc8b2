"""Password-reset requests are limited per client address and per account, cache or no cache."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.http import HttpResponse
from django.test import Client

from accounts import views

pytestmark = pytest.mark.django_db
URL = "/admin/password_reset/"


@pytest.fixture
def editor() -> User:
    return User.objects.create_user("editor", "editor@example.org", "a password")


def ask(email: str, address: str = "203.0.113.7") -> HttpResponse:
    return Client(REMOTE_ADDR=address).post(URL, {"email": email})


def test_one_address_asking_for_many_accounts_is_limited(editor):
    answers = [ask(f"reader{n}@example.org").status_code for n in range(views.PER_CLIENT.attempts + 1)]
    assert answers == [302] * views.PER_CLIENT.attempts + [429]
    assert ask("editor@example.org", address="198.51.100.1").status_code == 302


def test_one_account_asked_for_from_many_addresses_is_limited(editor):
    answers = [
        ask("editor@example.org", address=f"10.0.0.{n}").status_code
        for n in range(views.PER_ACCOUNT.attempts)
    ]
    assert answers == [302] * views.PER_ACCOUNT.attempts
    refused = ask("Editor@Example.org", address="10.0.1.1")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert views.TOO_MANY in html
    assert 'value="Editor@Example.org"' in html


def test_the_limits_hold_while_the_cache_is_down(cache_down, editor):
    answers = [ask("editor@example.org").status_code for _ in range(views.PER_ACCOUNT.attempts + 1)]
    assert answers[-1] == 429
    assert answers.count(302) == views.PER_ACCOUNT.attempts
