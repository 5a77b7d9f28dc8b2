from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from comments import admin_urls
from comments.admin_views import PERMISSION


@hooks.register("register_admin_urls")
def register_admin_urls() -> list:
    return [path("comments/", include((admin_urls, "comments_admin"), namespace="comments_admin"))]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request: object) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def register_menu_item() -> MenuItem:
    return ModeratorMenuItem("Comments", reverse("comments_admin:queue"), icon_name="comment", order=250)
