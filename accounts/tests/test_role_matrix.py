"""Every newsroom role against every user-management action, through the real admin views.

Each action is judged by what changed in the database, not by the status code: a refusal that
still saved something fails. The superuser row shows that each action really works when allowed.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission, User
from django.test import Client
from django.urls import reverse

from conftest import ensure_initial_data
from news.roles import ADMINISTRATORS, EDITORS, MODERATORS, REPORTERS

pytestmark = pytest.mark.django_db

SUPERUSER = "superuser"
ROLES = [REPORTERS, EDITORS, MODERATORS, ADMINISTRATORS, SUPERUSER]
CHIEF_PASSWORD = "the chief's own password"


class Newsroom:
    def __init__(self, role: str) -> None:
        ensure_initial_data()
        self.chief = User.objects.create_superuser(
            "chief", "chief@example.org", CHIEF_PASSWORD, first_name="C", last_name="Chief"
        )
        self.plain = User.objects.create_user(
            "plain", "plain@example.org", "a plain password", first_name="P", last_name="User"
        )
        self.owners = Group.objects.create(name="Owners")
        self.owners.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="auth", codename__in=["add_group", "change_group"]
            )
        )
        if role == SUPERUSER:
            self.actor = User.objects.create_superuser(
                "actor", "actor@example.org", "pw", first_name="A", last_name="B"
            )
        else:
            self.actor = User.objects.create_user(
                "actor", "actor@example.org", "pw", first_name="A", last_name="B"
            )
            self.actor.groups.add(Group.objects.get(name=role))
        self.role_group = Group.objects.get(name=role if role != SUPERUSER else ADMINISTRATORS)
        self.client = Client()
        self.client.force_login(self.actor)
        self.admin = Client()
        self.admin.force_login(self.chief)

    def form(self, url: str) -> dict[str, list[str]]:
        """The fields of the admin form at ``url`` as a superuser sees them filled in."""
        soup = BeautifulSoup(self.admin.get(url).content, "html.parser")
        form = max(
            soup.find_all("form", method=lambda method: (method or "").lower() == "post"),
            key=lambda f: len(f.find_all(["input", "select"])),
        )
        data: dict[str, list[str]] = {}
        for field in form.find_all(["input", "select", "textarea"]):
            name = field.get("name")
            if not name or field.get("type") in ("submit", "button"):
                continue
            if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
                continue
            if field.name == "select":
                values = [o.get("value", "") for o in field.find_all("option", selected=True)]
            else:
                values = [field.get("value", "on" if field.get("type") == "checkbox" else "")]
            data.setdefault(name, []).extend(values)
        return data

    def edit_user(self, user: User, **changes: object) -> None:
        url = reverse("wagtailusers_users:edit", args=[user.pk])
        data = self.form(url) | {
            key: value if isinstance(value, list) else [value] for key, value in changes.items()
        }
        self.client.post(url, data)

    def bulk(self, action: str, users: list[User], data: dict) -> None:
        url = (
            reverse("wagtail_bulk_action", args=("auth", "user", action))
            + "?"
            + "&".join(f"id={u.pk}" for u in users)
        )
        self.client.post(url, data)


def _create(room: Newsroom, **extra: object) -> bool:
    password = "a long new password 1"
    data = {"username": "newbie", "email": "newbie@example.org", "first_name": "N", "last_name": "B",
            "password1": password, "password2": password} | extra  # fmt: skip
    room.client.post(reverse("wagtailusers_users:add"), data)
    return User.objects.filter(username="newbie").exists()


def create_user(room: Newsroom) -> bool:
    return _create(room)


def create_superuser(room: Newsroom) -> bool:
    _create(room, is_superuser="on")
    return User.objects.filter(username="newbie", is_superuser=True).exists()


def create_user_in_stronger_group(room: Newsroom) -> bool:
    _create(room, groups=[str(room.owners.pk)])
    return room.owners.user_set.filter(username="newbie").exists()


def edit_user(room: Newsroom) -> bool:
    room.edit_user(room.plain, first_name="Renamed")
    return User.objects.get(pk=room.plain.pk).first_name == "Renamed"


def edit_superuser(room: Newsroom) -> bool:
    room.edit_user(room.chief, first_name="Renamed")
    return User.objects.get(pk=room.chief.pk).first_name == "Renamed"


def set_superuser_password(room: Newsroom) -> bool:
    room.edit_user(
        room.chief,
        first_name="C",
        last_name="Chief",
        password1="taken over 12345",
        password2="taken over 12345",
    )
    return not User.objects.get(pk=room.chief.pk).check_password(CHIEF_PASSWORD)


def delete_superuser(room: Newsroom) -> bool:
    room.client.post(reverse("wagtailusers_users:delete", args=[room.chief.pk]))
    return not User.objects.filter(pk=room.chief.pk).exists()


def deactivate_superuser(room: Newsroom) -> bool:
    room.bulk("set_active_state", [room.chief], {"mark_as_active": "False"})
    return not User.objects.get(pk=room.chief.pk).is_active


def grant_superuser(room: Newsroom) -> bool:
    room.edit_user(room.plain, is_superuser="on")
    return User.objects.get(pk=room.plain.pk).is_superuser


def join_stronger_group_oneself(room: Newsroom) -> bool:
    room.edit_user(room.actor, groups=[str(room.role_group.pk), str(room.owners.pk)])
    return room.actor.groups.filter(pk=room.owners.pk).exists()


def put_another_in_stronger_group(room: Newsroom) -> bool:
    room.edit_user(room.plain, groups=[str(room.owners.pk)])
    return room.plain.groups.filter(pk=room.owners.pk).exists()


def bulk_assign_stronger_role(room: Newsroom) -> bool:
    room.bulk("assign_role", [room.plain, room.actor], {"role": room.owners.pk})
    return room.owners.user_set.filter(pk__in=[room.plain.pk, room.actor.pk]).exists()


def add_permission_to_a_group(room: Newsroom) -> bool:
    url = reverse("wagtailusers_groups:edit", args=[room.role_group.pk])
    change_group = Permission.objects.get(content_type__app_label="auth", codename="change_group")
    data = room.form(url)
    data["permissions"] = [*data.get("permissions", []), str(change_group.pk)]
    room.client.post(url, data)
    return room.role_group.permissions.filter(pk=change_group.pk).exists()


ACTIONS: list[Callable[[Newsroom], bool]] = [
    create_user,
    create_superuser,
    create_user_in_stronger_group,
    edit_user,
    edit_superuser,
    set_superuser_password,
    delete_superuser,
    deactivate_superuser,
    grant_superuser,
    join_stronger_group_oneself,
    put_another_in_stronger_group,
    bulk_assign_stronger_role,
    add_permission_to_a_group,
]
# What a role may do besides nothing: Administrators manage plain accounts, within their powers.
ALLOWED = {ADMINISTRATORS: {create_user, edit_user}, SUPERUSER: set(ACTIONS)}


@pytest.mark.parametrize("action", ACTIONS, ids=lambda action: action.__name__)
@pytest.mark.parametrize("role", ROLES)
def test_role_against_user_management_action(role: str, action: Callable[[Newsroom], bool]) -> None:
    room = Newsroom(role)
    assert action(room) is (action in ALLOWED.get(role, set()))
