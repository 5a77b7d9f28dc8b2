from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from news.models import Author, PromoSpot


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    list_display = ["name", "role", "slug"]
    search_fields = ["name"]


class PromoSpotViewSet(SnippetViewSet):
    model = PromoSpot
    icon = "pick"
    list_display = ["title", "placement", "starts_at", "ends_at"]
    list_filter = ["placement"]


register_snippet(AuthorViewSet)
register_snippet(PromoSpotViewSet)
