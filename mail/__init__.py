"""Every mail the site sends goes through one outbox: queued with its cause, sent by the relay.

``EMAIL_BACKEND`` is :class:`mail.backends.OutboxBackend`, so ``send_mail`` (moderator notices,
Django's and Wagtail's password resets, error mail) writes an :class:`mail.models.OutgoingMail`
row in the caller's transaction instead of talking to SMTP. The relay (:mod:`mail.relay`, run
by the worker after commit and every ``MAIL_RELAY_EVERY_SECONDS``) hands due rows to the real
backend (``MAIL_DELIVERY_BACKEND``: SMTP unless ``EMAIL_BACKEND`` is set in the environment)
with claim → send → mark sent, retries with backoff, a send rate and in-doubt rows listed
for an operator. Apps with their own rows (the newsletter's issues) register them as a
:class:`mail.relay.Source`. See ``mail/README.md``.
"""
