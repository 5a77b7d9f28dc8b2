"""Newsletters: double opt-in sign-up, digests, one-click unsubscribe, reliable sending.

Owns newsletters, subscribers, subscriptions, the outbox, issues and their deliveries.
Offers other apps: the ``subscribe`` region of the article page, the ``newsletter`` part
of ``erase_email``, and ``newsletter.digest.most_read`` (a hook the popular app may set).
See README.md.
"""
