from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from live.models import LiveUpdate


class LiveUpdateViewSet(SnippetViewSet):
    model = LiveUpdate
    icon = "time"
    menu_label = "Live updates"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["__str__", "page", "published_at", "key_event", "author"]
    list_filter = ["page", "key_event"]
    ordering = ["-published_at"]


register_snippet(LiveUpdateViewSet)
