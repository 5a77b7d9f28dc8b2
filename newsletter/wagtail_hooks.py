from django.http import HttpRequest
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from newsletter import admin_views
from newsletter.models import DigestPin, Newsletter, Subscriber


class NewsletterViewSet(ModelViewSet):
    model = Newsletter
    name = "newsletters"
    url_prefix = "newsletter/newsletters"
    icon = "mail"
    list_display = ["name", "frequency", "section", "send_hour", "is_active"]
    form_fields = ["name", "slug", "description", "frequency", "section", "send_hour", "send_weekday",
                   "is_active", "sort_order"]  # fmt: skip


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    name = "subscribers"
    url_prefix = "newsletter/subscribers"
    icon = "group"
    list_display = ["email", "status", "consent", "consent_at", "created_at"]
    list_filter = ["status", "consent"]
    list_export = [
        "email",
        "status",
        "consent",
        "consent_at",
        "consent_note",
        "created_at",
        "status_changed_at",
    ]
    export_filename = "subscribers"
    search_fields = ["email"]
    search_backend_name = None
    form_fields = ["email", "status"]
    copy_view_enabled = False


class DigestPinViewSet(ModelViewSet):
    model = DigestPin
    name = "digest_pins"
    url_prefix = "newsletter/pins"
    icon = "pick"
    menu_label = "Pinned articles"
    list_display = ["article", "newsletter", "created_at"]
    panels = [FieldPanel("newsletter"), FieldPanel("article")]
    form_fields = ["newsletter", "article"]
    copy_view_enabled = False


class NewsletterGroup(ViewSetGroup):
    menu_label = "Newsletter"
    menu_icon = "mail"
    menu_order = 250
    items = (NewsletterViewSet, SubscriberViewSet, DigestPinViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets() -> ViewSetGroup:
    return NewsletterGroup()


admin_urls = [
    path("", admin_views.desk, name="desk"),
    path("<int:pk>/preview/", admin_views.preview, name="preview"),
    path("<int:pk>/test/", admin_views.test_send, name="test_send"),
    path("<int:pk>/send/", admin_views.send_now, name="send_now"),
    path("in-doubt/resend/", admin_views.resend_in_doubt, name="resend_in_doubt"),
    path("import/", admin_views.import_subscribers, name="import"),
]


@hooks.register("register_admin_urls")
def register_urls() -> list:
    return [path("newsletter-desk/", include((admin_urls, "newsletter_admin")))]


class DeskMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm("newsletter.view_issue")


@hooks.register("register_admin_menu_item")
def register_desk_menu_item() -> MenuItem:
    return DeskMenuItem("Newsletter desk", reverse("newsletter_admin:desk"), icon_name="mail", order=251)
