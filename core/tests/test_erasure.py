import pytest
from django.core.management import CommandError, call_command

from core import erasure


@pytest.fixture
def recorded(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(erasure, "_erasers", {})
    erasure.eraser("letters")(lambda address: seen.append(address) or 2)
    return seen


def test_every_registered_part_erases_the_normalised_address(recorded, capsys, db):
    call_command("erase_email", "  Reader@Example.ORG ")
    assert recorded == ["reader@example.org"]
    assert "Erased reader@example.org (letters: 2)." in capsys.readouterr().out


def test_a_bad_address_is_one_readable_error(recorded):
    with pytest.raises(CommandError, match=r"'not-an-address' is not an email address\."):
        call_command("erase_email", "not-an-address")
    assert recorded == []
