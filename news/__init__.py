"""Publishing: the page tree (home, sections, articles, standard pages), date archives,
authors, tags, editor-picked related articles, promo spots, feeds, sitemaps and article
metadata.

Other apps reach it only through :mod:`news.api` (``ArticlePage.objects.published()`` behind
``published_articles()``), :mod:`news.sitemaps` and :mod:`news.panels`; the list is in
docs/architecture.md (Public API of each app).
"""
