"""Shared machinery every capability plugs into; it imports no other app.

Owns: the anonymous page cache and its invalidation API (:mod:`core.pagecache`), stored
fragments (:mod:`core.fragments`), the shared values every page reads, each declaration
retired after commit (:mod:`core.shared`), the article regions (:mod:`core.regions`), the
cached site and canonical addresses (:mod:`core.sites`), the trusted client IP
(:mod:`core.clientip`), the one rate limiter (:mod:`core.ratelimit`, ADR 0016), the one origin
guard for token-less forms (:mod:`core.origin`), the isolation of reader-supplied text
(:mod:`core.bidi`), the scheduler, the background worker and the ``runsite`` supervisor,
``/healthz``, ``/healthz/ready`` and ``/metrics`` (:mod:`core.health`, :mod:`core.metrics`),
media storage (:mod:`core.media`), ``backup`` / ``restore`` and ``erase_email``
(:mod:`core.erasure`). What each offers is in docs/architecture.md (Public API of each app).
"""
