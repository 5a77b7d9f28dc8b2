"""Popular: privacy-friendly reading signals and the most-read lists.

Owns reading signals (``related`` owns content similarity; ADR 0013): the beacon endpoint
``POST /popular/view/`` and its counting rules (``popular.counting``, ADR 0017), the daily
figures and the stored Popular lists (``popular.ranking``), the ``popular`` region and the
editors' "What readers read" report.

Invariants: no cookie and no personal data stored (so nothing is registered with
``core.erasure``); views are folded into ``DailyViews`` exactly once; recomputing the lists
never purges the page cache; the region is one query.

Offers other apps the region and the ``most_read`` ordering (``popular.ranking.by_readership``
through :mod:`core.orderings`), which newsletter digests use. The rest is in
docs/architecture.md (Regions).
"""
