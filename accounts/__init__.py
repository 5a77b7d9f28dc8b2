"""Accounts: who may sign in and who may manage whom.

Owns: the guard that keeps administrators within their own powers in Wagtail's user and group
admin (:mod:`accounts.powers`, :mod:`accounts.viewsets`, the bulk-action hook in
:mod:`accounts.wagtail_hooks`; ADR 0018's neighbour, see accounts/README.md), the sign-in
lockout's growing delay (:mod:`accounts.signin`, ADR 0018) and the rate limit on password-reset
requests (:mod:`accounts.views`).

Offers: nothing to other apps; settings name ``accounts.signin`` callables for django-axes.
"""
