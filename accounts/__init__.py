"""Accounts: who may sign in, and who may manage whom (accounts/README.md).

Owns: the guard that keeps everyone but superusers within their own powers in Wagtail's user
and group admin (:mod:`accounts.powers`, :mod:`accounts.viewsets`, the bulk-action hook in
:mod:`accounts.wagtail_hooks`), the sign-in delay per address and user name
(:mod:`accounts.signin`, ADR 0018), the first administrator's user name
(:mod:`accounts.first_admin`) and the rate limit on password-reset requests (:mod:`accounts.views`).

Offers: nothing to other apps; the settings name ``accounts.signin`` callables for django-axes
and ``accounts.apps.UsersConfig`` in place of ``wagtail.users``.
"""
