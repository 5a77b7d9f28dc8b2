"""What a person or group may do, and whether one holds everything another would get.

A power is a Django model permission (``app.codename``), a Wagtail page permission on a page
and the pages below it, or a collection permission on a collection and those below it.
Superusers hold every power. The rule everywhere in the user and group admin: a non-superuser
may only manage an account or group whose powers they hold themselves, and may only leave it
with powers they hold. So nobody can take over a more powerful account, grant superuser, or
hand out (to anyone, themselves included) a permission they lack.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from wagtail.models import GroupCollectionPermission, GroupPagePermission


@dataclass(frozen=True)
class Powers:
    superuser: bool = False
    model: frozenset[str] = frozenset()
    pages: frozenset[tuple[str, str]] = frozenset()  # (page tree path, permission codename)
    collections: frozenset[tuple[str, str]] = frozenset()  # (collection tree path, "app.codename")

    def covers(self, other: Powers) -> bool:
        """Whether these powers include every power in ``other``."""
        if self.superuser:
            return True
        if other.superuser or not other.model <= self.model:
            return False
        return _tree_covers(self.pages, other.pages) and _tree_covers(self.collections, other.collections)

    def missing(self, other: Powers) -> list[str]:
        """Readable names of the model permissions in ``other`` that these lack (for messages)."""
        return sorted(other.model - self.model)


def _tree_covers(held: frozenset[tuple[str, str]], wanted: frozenset[tuple[str, str]]) -> bool:
    return all(any(path.startswith(top) and perm == have for top, have in held) for path, perm in wanted)


def _dotted(permissions: Iterable[Permission]) -> frozenset[str]:
    return frozenset(f"{p.content_type.app_label}.{p.codename}" for p in permissions)


def of_groups(groups: Iterable[Group]) -> Powers:
    ids = [group.pk for group in groups if group.pk is not None]
    model = Permission.objects.filter(group__pk__in=ids).select_related("content_type")
    pages = GroupPagePermission.objects.filter(group__pk__in=ids).values_list(
        "page__path", "permission__codename"
    )
    collections = GroupCollectionPermission.objects.filter(group__pk__in=ids).select_related(
        "collection", "permission__content_type"
    )
    return Powers(
        model=_dotted(model),
        pages=frozenset(pages),
        collections=frozenset(
            (row.collection.path, f"{row.permission.content_type.app_label}.{row.permission.codename}")
            for row in collections
        ),
    )


def of_user(user: AbstractBaseUser, groups: Iterable[Group] | None = None) -> Powers:
    """The user's powers; with ``groups``, as if those were their groups."""
    if groups is None:
        groups = user.groups.all() if user.pk else []
    through_groups = of_groups(groups)
    own = _dotted(user.user_permissions.select_related("content_type")) if user.pk else frozenset()
    return Powers(
        superuser=user.is_superuser,
        model=through_groups.model | own,
        pages=through_groups.pages,
        collections=through_groups.collections,
    )


def may_manage(actor: AbstractBaseUser, target: AbstractBaseUser) -> bool:
    """Whether ``actor`` may edit, delete, deactivate or set the password of ``target``."""
    return actor.is_superuser or of_user(actor).covers(of_user(target))
