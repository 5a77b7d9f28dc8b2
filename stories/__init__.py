"""Story timelines: the articles of one developing story, grouped, in time order.

- ``stories.grouping``: the grouping rule, free of the database (content similarity from
  ``related.api``, shared names, a time window); ``stories.entities`` the names an article
  mentions, by capitalised-name rules.
- ``stories.store``: keeps :class:`~stories.models.Story` and
  :class:`~stories.models.Membership` rows in step with the live articles (``refresh``, run by
  the worker after each publication and every 15 minutes; ``recompute`` for
  ``manage.py recompute_stories``) and applies the editors' decisions (add, remove, split,
  merge, title), which win over the grouping and survive recomputation.
- The ``story_so_far`` region of the article page (``stories.regions``): one query.
- The story page ``/stories/<slug>/`` with its RSS and Atom feeds, listed in the sitemaps.
- The Stories snippet in the admin (``stories.wagtail_hooks``, ``stories.admin_views``).
- ``manage.py evaluate_stories``: B-cubed precision / recall / F1 against a connected-components
  baseline (``stories.evaluation``).

Offers nothing to other apps beyond the region and its pages. ADR 0033 has the decisions.
"""
