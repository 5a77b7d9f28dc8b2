"""Wagtail's user forms, knowing who is filling them in (:mod:`accounts.powers`)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from wagtail.users import forms as wagtail_forms

from accounts import powers

BEYOND_YOUR_POWERS = (
    "You can only give an account permissions you hold yourself. This would give it: {missing}."
)


class ActorFormMixin:
    """Drops the superuser box for non-superusers and refuses groups that would exceed the actor."""

    def __init__(self, *args: Any, actor: AbstractBaseUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        if not actor.is_superuser:
            self.fields.pop("is_superuser", None)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.actor.is_superuser or "groups" not in cleaned:
            return cleaned
        wanted = powers.of_user(self.instance, cleaned["groups"])
        held = powers.of_user(self.actor)
        if not held.covers(wanted):
            missing = ", ".join(held.missing(wanted)) or "page or collection permissions"
            self.add_error("groups", BEYOND_YOUR_POWERS.format(missing=missing))
        return cleaned


class UserCreationForm(ActorFormMixin, wagtail_forms.UserCreationForm):
    pass


class UserEditForm(ActorFormMixin, wagtail_forms.UserEditForm):
    pass
