"""core.tasks.batched_after_commit: a bulk job's purges and repeated tasks, queued once at its end."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import transaction
from django_tasks import TaskResult
from django_tasks.signals import task_enqueued

from core import tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued() -> Iterator[list[tuple[str, list]]]:
    seen: list[tuple[str, list]] = []

    def note(sender: object, task_result: TaskResult, **kwargs: object) -> None:
        seen.append((task_result.task.module_path, task_result.args))

    task_enqueued.connect(note)
    yield seen
    task_enqueued.disconnect(note)


def test_paths_are_purged_together_and_a_repeated_task_is_queued_once_when_the_block_ends(
    queued, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True), tasks.batched_after_commit():
        tasks.purge_pages_after_commit(["/b/", "/a/"])
        tasks.enqueue_after_commit(tasks.requeue_orphaned_tasks)
        tasks.purge_pages_after_commit(["/a/", "/c/"])
        tasks.enqueue_after_commit(tasks.requeue_orphaned_tasks)
        assert queued == []
    assert queued == [
        ("core.tasks.purge_pages", [["/a/", "/b/", "/c/"]]),
        ("core.tasks.requeue_orphaned_tasks", []),
    ]


def test_nothing_is_queued_when_the_transaction_around_the_block_rolls_back(
    queued, django_capture_on_commit_callbacks
) -> None:
    def purge_then_fail() -> None:
        with transaction.atomic(), tasks.batched_after_commit():
            tasks.purge_pages_after_commit(["/a/"])
            raise RuntimeError

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        purge_then_fail()
    assert queued == []
