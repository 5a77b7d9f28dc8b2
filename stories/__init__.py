"""Story timelines: the articles of one developing story, grouped, in time order.

Owns stories and their memberships, the grouping (run by the worker), the ``story_so_far``
region, the story pages and feeds and the editors' Stories snippet; stories/README.md maps
the modules and gives the rule, ADR 0033 the decisions.

Invariants: the editors' decisions (add, remove, split, merge, title) win over the grouping
and survive ``recompute_stories``; the region is one query whatever the story's length; a
story of one article is no story (no region, not in the sitemap).

Offers nothing to other apps beyond the region and its pages.
"""
