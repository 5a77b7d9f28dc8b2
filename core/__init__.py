"""Shared machinery every capability plugs into.

Owns: the anonymous page cache and its invalidation API (:mod:`core.pagecache`),
the small values every page reads from the shared cache, each one declaration retired after
commit (:mod:`core.shared`), the cached site and canonical addresses (:mod:`core.sites`),
the trusted client IP (:mod:`core.clientip`), the one rate limiter (:mod:`core.ratelimit`,
ADR 0016) and the one origin guard for token-less forms (:mod:`core.origin`), the isolation of
reader-supplied text (:mod:`core.bidi`), the periodic-job scheduler
(:mod:`core.scheduler`), the background worker with heartbeats and recovery of
tasks orphaned by a killed worker, and the ``runsite`` supervisor that starts web,
worker and scheduler together.
"""
