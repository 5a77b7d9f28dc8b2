"""Newsletters: double opt-in sign-up, digests, one-click unsubscribe, reliable sending.

Owns newsletters, subscribers, subscriptions, the outbox, issues and their deliveries.
Offers other apps: the ``subscribe`` region of the article page and the ``newsletter`` part
of ``erase_email``. Digests list the most read first when an app provides the ``most_read``
ordering (:mod:`core.orderings`).
See newsletter/README.md.
"""
