"""Someone allowed to edit groups still cannot hand out a permission they lack (accounts.powers)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from accounts import powers
from accounts.tests.test_role_matrix import Newsroom
from news.roles import ADMINISTRATORS, EDITORS, REPORTERS

pytestmark = pytest.mark.django_db


def permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@pytest.fixture
def desk_chief() -> Newsroom:
    """An Administrator who may also edit groups: the guard, not a missing permission, decides."""
    room = Newsroom(ADMINISTRATORS)
    chiefs = Group.objects.create(name="Desk chiefs")
    chiefs.permissions.add(permission("auth.change_group"), permission("wagtailadmin.access_admin"))
    room.actor.groups.add(chiefs)
    return room


def post_group(room: Newsroom, group: Group, extra_permissions: list[str]) -> None:
    url = reverse("wagtailusers_groups:edit", args=[group.pk])
    data = room.form(url)
    data["permissions"] = [*data.get("permissions", []), *(str(permission(p).pk) for p in extra_permissions)]
    room.client.post(url, data)


def test_a_group_editor_cannot_add_a_permission_they_lack(desk_chief):
    reporters = Group.objects.get(name=REPORTERS)
    post_group(desk_chief, reporters, ["auth.delete_group"])
    assert not reporters.permissions.filter(codename="delete_group").exists()


def test_a_group_editor_can_add_a_permission_they_hold(desk_chief):
    reporters = Group.objects.get(name=REPORTERS)
    post_group(desk_chief, reporters, ["news.change_publication"])
    assert reporters.permissions.filter(codename="change_publication").exists()


def test_a_group_stronger_than_the_editor_cannot_be_opened(desk_chief):
    url = reverse("wagtailusers_groups:edit", args=[desk_chief.owners.pk])
    assert desk_chief.client.get(url)["Location"] == "/admin/"  # Wagtail's answer to PermissionDenied
    desk_chief.client.post(reverse("wagtailusers_groups:delete", args=[desk_chief.owners.pk]))
    assert Group.objects.filter(pk=desk_chief.owners.pk).exists()


def test_page_permissions_count_below_the_page_they_are_given_on(home):
    editors = Group.objects.get(name=EDITORS)
    held = powers.of_groups([editors])
    section = Page.objects.get(pk=home.pk)
    narrow = Group.objects.create(name="Home publishers")
    GroupPagePermission.objects.create(
        group=narrow, page=section, permission=permission("wagtailcore.publish_page")
    )
    assert held.covers(powers.of_groups([narrow]))  # Editors publish from the root down
    GroupPagePermission.objects.create(
        group=narrow, page=section, permission=permission("wagtailcore.bulk_delete_page")
    )
    assert not held.covers(powers.of_groups([narrow]))


def test_an_account_with_a_permission_of_its_own_is_beyond_a_user_without_it(home):
    administrator = User.objects.create_user("a")
    administrator.groups.add(Group.objects.get(name=ADMINISTRATORS))
    special = User.objects.create_user("s")
    special.user_permissions.add(permission("auth.delete_group"))
    assert not powers.may_manage(administrator, special)
    assert powers.may_manage(administrator, User.objects.create_user("n"))
