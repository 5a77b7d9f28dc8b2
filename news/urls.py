from django.contrib.sitemaps.views import sitemap
from django.urls import path

from news import feeds, views
from news.sitemaps import SITEMAPS

app_name = "news"

urlpatterns = [
    path("tags/<slug:slug>/", views.tag_page, name="tag"),
    path("authors/<slug:slug>/", views.author_page, name="author"),
    path("feeds/<str:kind>/", feeds.feed_view(feeds.ArticleFeed), name="feed"),
    path("feeds/section/<slug:slug>/<str:kind>/", feeds.feed_view(feeds.SectionFeed), name="section_feed"),
    path("feeds/tag/<slug:slug>/<str:kind>/", feeds.feed_view(feeds.TagFeed), name="tag_feed"),
    path("feeds/author/<slug:slug>/<str:kind>/", feeds.feed_view(feeds.AuthorFeed), name="author_feed"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap_file"),
    path("news-sitemap.xml", views.news_sitemap, name="news_sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
]
