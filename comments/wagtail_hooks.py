"""Registers the moderation queue (``comments.admin_views.CommentViewSet``) in the Wagtail admin."""

from wagtail import hooks

from comments.admin_views import CommentViewSet


@hooks.register("register_admin_viewset")
def register_viewset() -> CommentViewSet:
    return CommentViewSet()
