"""Popular: privacy-friendly reading signals and the most-read lists.

Two apps rather than one ``discovery`` app, because the capabilities share nothing but the
card template: ``popular`` (this app) owns reading signals; ``related`` owns content similarity.

- ``popular.counting``: the beacon endpoint's rules (DNT/GPC, robots, one view per article per
  address in 30 minutes and 100 articles per address an hour, with a daily-salted hash kept only
  in the cache; ADR 0017), counters in the shared cache, and the exactly-once
  fold into :class:`~popular.models.DailyViews` (``flush_views``, every minute).
- ``popular.ranking``: the decayed 7-day score and the stored site-wide and per-section lists
  (``recompute_popular``, every 10 minutes; never purges the page cache).
- The ``popular`` region (``popular.regions``): one query; "Most read in <section>", "Most
  read", or "Latest stories" while there are no figures; it carries the beacon script
  (``popular/static/popular/beacon.js``), left out of previews.
- ``POST /popular/view/`` (``popular.views``) and the admin view "What readers read"
  (``popular.wagtail_hooks``).

No personal data is stored, so nothing is registered with ``core.erasure``. Offers other apps
the region and the ``most_read`` ordering (``popular.ranking.by_readership`` through
:mod:`core.orderings`), which newsletter digests use.
Decision record: docs/decisions/0013-popular-and-more-like-this.md.
"""
