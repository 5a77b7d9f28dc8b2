"""Live coverage: an article type for developing events, with timestamped updates.

Owns ``LiveArticlePage`` (an ``ArticlePage`` that lists updates, newest first, and becomes an
ordinary article once its coverage ends) and ``LiveUpdate`` (one row per update, so several
editors add and correct updates at once without overwriting each other). Readers get new
updates without reloading: ``live.js`` polls ``/live-updates/<page id>.json``, which the page
cache and Varnish serve and each saved or deleted update purges with the page itself.
Offers nothing to other apps; ``news`` lists the page type under sections.
"""
