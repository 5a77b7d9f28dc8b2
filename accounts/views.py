"""The admin's password-reset request, rate-limited per client address and per email address.

Each request can send a mail to someone else's inbox, so one address may ask at most
:data:`PER_CLIENT` times an hour and each email address (the account it names) receives at most
:data:`PER_ACCOUNT` requests an hour, from anywhere (``core.ratelimit``, ADR 0016). A refused
request shows the form again with the address kept and says when to try again.
"""

from __future__ import annotations

from django.forms import Form
from django.http import HttpResponse
from wagtail.admin.views import account

from core import ratelimit

PER_CLIENT = ratelimit.Limit("accounts.password-reset.client", attempts=5, seconds=3600)
PER_ACCOUNT = ratelimit.Limit("accounts.password-reset.account", attempts=5, seconds=3600)
TOO_MANY = "Too many password reset requests. Please try again in an hour."


class PasswordResetView(account.PasswordResetView):
    def form_valid(self, form: Form) -> HttpResponse:
        email = form.cleaned_data["email"]
        if ratelimit.exceeded(self.request, PER_CLIENT, ratelimit.client(self.request)) or ratelimit.exceeded(
            self.request, PER_ACCOUNT, ratelimit.hashed(email)
        ):
            form.add_error("email", TOO_MANY)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)
