"""core.shared: computed once, retired only after commit, add-only fill, and a cache outage."""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal

from core.shared import SharedValue


class Computed:
    """A compute function that counts its calls and returns what the test says."""

    def __init__(self, value: object) -> None:
        self.value, self.calls = value, 0

    def __call__(self, *args: object) -> object:
        self.calls += 1
        return self.value if not args else (self.value, *args)


def test_the_value_is_computed_once_then_read_from_the_shared_cache():
    compute = Computed(["News", "Sport"])
    value = SharedValue("test:sections", compute, seconds=60)
    assert value.get() == ["News", "Sport"]
    assert value.get() == ["News", "Sport"]
    assert compute.calls == 1
    assert cache.get("test:sections") == ["News", "Sport"]


def test_a_falsy_value_is_kept_too():
    compute = Computed(False)
    value = SharedValue("test:flag", compute, seconds=60)
    assert value.get() is False
    assert value.get() is False
    assert compute.calls == 1


def test_each_argument_has_its_own_key():
    compute = Computed("settings")
    value = SharedValue("test:per-site", compute, seconds=60)
    assert value.get(1) == ("settings", 1)
    assert value.get(2) == ("settings", 2)
    assert value.key(2) == "test:per-site:2"
    assert compute.calls == 2


@pytest.mark.django_db
def test_a_retirement_waits_for_the_commit(django_capture_on_commit_callbacks):
    compute = Computed("old")
    value = SharedValue("test:retire", compute, seconds=60)
    value.get()
    with django_capture_on_commit_callbacks(execute=True):
        value.retire()
        compute.value = "new"
        # A reader in between still gets the committed value, and stores nothing older.
        assert value.get() == "old"
    assert value.get() == "new"


@pytest.mark.django_db
def test_a_rolled_back_change_retires_nothing(django_capture_on_commit_callbacks):
    value = SharedValue("test:rollback", Computed("kept"), seconds=60)
    value.get()

    def retire_then_fail() -> None:
        with transaction.atomic():
            value.retire()
            raise RuntimeError

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        retire_then_fail()
    assert callbacks == []
    assert cache.get("test:rollback") == "kept"


@pytest.mark.django_db
def test_a_declared_signal_retires_the_value_of_its_instance_after_commit(django_capture_on_commit_callbacks):
    changed = Signal()

    class Setting:
        site_id = 7

    compute = Computed("on")
    value = SharedValue(
        "test:signal", compute, seconds=60, retired_by=[(changed, None)], args_of=lambda s: (s.site_id,)
    )
    value.get(7)
    value.get(8)
    with django_capture_on_commit_callbacks(execute=True):
        changed.send(sender=Setting, instance=Setting())
        assert cache.get("test:signal:7") is not None
    assert cache.get("test:signal:7") is None
    assert cache.get("test:signal:8") == ("on", 8)


def test_an_add_only_fill_never_overwrites_what_a_writer_stored_meanwhile():
    value = SharedValue("test:private", lambda: None, seconds=60, fill_by_add=True)

    def reader_looked_before_the_commit() -> bool:
        cache.set(value.key(), True, timeout=60)  # the writer's retirement, after its commit
        return False

    value.compute = reader_looked_before_the_commit
    assert value.get() is False  # this reader's own answer
    assert cache.get(value.key()) is True  # but it did not replace the committed one


@pytest.mark.django_db
def test_an_add_only_value_is_refilled_after_commit_not_deleted(django_capture_on_commit_callbacks):
    compute = Computed(False)
    value = SharedValue("test:refill", compute, seconds=60, fill_by_add=True)
    value.get()
    with django_capture_on_commit_callbacks(execute=True):
        value.retire()
        compute.value = True
        assert cache.get("test:refill") is False
    # Present at once with the committed answer: a late reader's add cannot put False back.
    assert cache.get("test:refill") is True
    assert cache.add("test:refill", False) is False


@pytest.mark.django_db
def test_during_a_cache_outage_every_call_computes_and_nothing_raises(
    cache_down, django_capture_on_commit_callbacks
):
    compute = Computed(["News"])
    value = SharedValue("test:outage", compute, seconds=60, fill_by_add=False)
    assert value.get() == ["News"]
    assert value.get() == ["News"]
    assert compute.calls == 2  # nothing kept, so each page pays the query, and gets the truth
    with django_capture_on_commit_callbacks(execute=True):
        value.retire()
    value.set(["Sport"])
    assert value.get() == ["News"]
