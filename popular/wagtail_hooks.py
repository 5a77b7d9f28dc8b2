from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from popular.admin_views import WhatReadersRead


@hooks.register("register_admin_urls")
def register_report_url() -> list:
    return [path("what-readers-read/", WhatReadersRead.as_view(), name="popular_report")]


@hooks.register("register_admin_menu_item")
def register_report_menu_item() -> MenuItem:
    return MenuItem("What readers read", reverse("popular_report"), icon_name="view", order=250)
