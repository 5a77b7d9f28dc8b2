"""Bulk actions on users (delete, activate or deactivate, assign a role) stay within the
actor's powers too (:mod:`accounts.powers`)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from wagtail import hooks

from accounts import powers


@hooks.register("before_bulk_action")
def keep_bulk_user_actions_within_powers(
    request: HttpRequest, action_type: str, objects: list, action: Any
) -> None:
    if action.model is not get_user_model() or request.user.is_superuser:
        return
    if not all(powers.may_manage(request.user, user) for user in objects):
        raise PermissionDenied
    role = action.get_execution_context().get("role") if action_type == "assign_role" else None
    if role is not None and not powers.of_user(request.user).covers(powers.of_groups([role])):
        raise PermissionDenied
