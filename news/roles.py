"""The newsroom's roles as Wagtail groups, kept in place after every migrate.

Reporters write and submit for review; Editors publish (and approve submissions);
Moderators handle reader comments; Administrators manage settings and people.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
)

REPORTERS, EDITORS, MODERATORS, ADMINISTRATORS = "Reporters", "Editors", "Moderators", "Administrators"

PAGE_PERMISSIONS = {
    REPORTERS: ["add_page", "change_page"],
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    MODERATORS: [],
    ADMINISTRATORS: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ],
}
IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]
SNIPPETS = ["author", "promospot"]
MODEL_PERMISSIONS = {
    REPORTERS: ["news.view_author"],
    EDITORS: [
        *(f"news.{action}_{model}" for model in SNIPPETS for action in ("add", "change", "view")),
        "stories.change_story", "stories.view_story",
    ],
    MODERATORS: ["comments.moderate_comment", "comments.change_commentsettings"],
    ADMINISTRATORS: [
        "comments.moderate_comment", "comments.change_commentsettings",
        *(f"news.{action}_{model}" for model in SNIPPETS for action in ("add", "change", "delete", "view")),
        "news.change_publication",
        "stories.change_story", "stories.view_story",
        "auth.add_user", "auth.change_user", "auth.delete_user",
        *(f"wagtailredirects.{action}_redirect" for action in ("add", "change", "delete")),
    ],
}  # fmt: skip


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_roles() -> dict[str, Group]:
    """Create or repair the four role groups (idempotent)."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    admin_access = _permission("wagtailadmin.access_admin")
    groups = {}
    for name, page_codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_access, *(_permission(p) for p in MODEL_PERMISSIONS[name]))
        if root_page is not None:
            GroupPagePermission.objects.filter(group=group, page=root_page).exclude(
                permission__codename__in=page_codenames
            ).delete()
            for codename in page_codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=_permission(f"wagtailcore.{codename}")
                )
        if root_collection is not None and name != MODERATORS:
            for codename in IMAGE_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(f"wagtailimages.{codename}"),
                )
        groups[name] = group
    _editors_approve_submissions(groups[EDITORS])
    return groups


def _editors_approve_submissions(editors: Group) -> None:
    workflow = Workflow.objects.filter(active=True).first()
    if workflow is None:
        return
    for workflow_task in workflow.workflow_tasks.select_related("task"):
        task = workflow_task.task.specific
        if isinstance(task, GroupApprovalTask):
            task.groups.set([editors])
