"""Publishing: the page tree (home, sections, articles, standard pages), authors, tags,
editor-picked related articles, promo spots, feeds, sitemaps and article metadata.

Public API for other apps (see :mod:`news.api`): ``urls_showing_article(article)``,
``teaser(article)``, ``published_articles()`` (an ``ArticleQuerySet``: ``ArticlePage.objects``
is a ``PageManager.from_queryset`` with ``published()``, ``recommendable()`` and
``for_newsletters()``), ``recommendable(relation)`` and ``set_comments_closed(article, closed)``.
"""
