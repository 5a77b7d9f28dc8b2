"""Reader pages: sign up, confirm, one-click unsubscribe, preferences; the bounce webhook.

Forms are posted from cached pages without a CSRF token (ADR 0009): sign-up and
preferences check the origin instead (:mod:`core.origin`), and sign-ups are rate-limited per
client address (:mod:`core.ratelimit`); unsubscribe and the webhook are authorised by
their signed token or HMAC signature. Token pages are never cached.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core import origin, ratelimit
from core.busy import answer_when_busy
from newsletter import services, tokens
from newsletter.forms import PreferencesForm, SubscribeForm
from newsletter.models import Newsletter, Subscriber

log = logging.getLogger(__name__)

TOO_MANY = "We received many sign-ups from your network in the last hour. Please try again in an hour."


def _subscribe_limit() -> ratelimit.Limit:
    return ratelimit.Limit("newsletter.subscribe", settings.NEWSLETTER_SUBSCRIBE_LIMIT, seconds=3600)


def newsletter_page(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletter/newsletter_page.html", {"form": SubscribeForm()})


def _refused(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletter/refused.html", status=403)


def _subscribe_again(request: HttpRequest, message: str) -> HttpResponse:
    context = {"form": SubscribeForm(request.POST), "busy": message}
    return render(request, "newsletter/newsletter_page.html", context)


@csrf_exempt
@require_http_methods(["GET", "POST"])
@answer_when_busy(_subscribe_again)
def subscribe(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return HttpResponseRedirect("/newsletter/")
    if not origin.is_same_origin(request):
        return _refused(request)
    form = SubscribeForm(request.POST)
    if ratelimit.exceeded(request, _subscribe_limit(), ratelimit.client(request)):
        form.add_error(None, TOO_MANY)
        return render(request, "newsletter/newsletter_page.html", {"form": form}, status=429)
    if not form.is_valid():
        return render(request, "newsletter/newsletter_page.html", {"form": form}, status=400)
    services.request_subscription(form.cleaned_data["email"], form.cleaned_data["newsletter"])
    return render(request, "newsletter/check_inbox.html", {"newsletter": form.cleaned_data["newsletter"]})


def _bad_link(request: HttpRequest, error: tokens.BadToken) -> HttpResponse:
    return render(request, "newsletter/bad_link.html", {"expired": error.expired}, status=400)


@never_cache
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        pair = tokens.read_confirm(token)
    except tokens.BadToken as error:
        return _bad_link(request, error)
    confirmation = services.confirm(pair)
    if confirmation is None:
        return _bad_link(request, tokens.BadToken(expired=True))
    return render(
        request,
        "newsletter/confirmed.html",
        {
            "confirmation": confirmation,
            "preferences_url": tokens.preferences_url(confirmation.subscriber.pk),
        },
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """RFC 8058: a POST (from a mail client, no session, no token) unsubscribes at once."""
    try:
        pair = tokens.read_unsubscribe(token)
    except tokens.BadToken as error:
        return _bad_link(request, error)
    if request.method == "GET":
        newsletter = Newsletter.objects.filter(pk=pair.newsletter_id).first()
        return render(request, "newsletter/unsubscribe.html", {"newsletter": newsletter})
    result = services.unsubscribe(pair)
    context = {
        "newsletter": result.newsletter if result else None,
        "preferences_url": tokens.preferences_url(pair.subscriber_id) if result else None,
    }
    return render(request, "newsletter/unsubscribed.html", context)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest, token: str) -> HttpResponse:
    try:
        subscriber = Subscriber.objects.filter(pk=tokens.read_preferences(token)).first()
    except tokens.BadToken as error:
        return _bad_link(request, error)
    if subscriber is None:
        return _bad_link(request, tokens.BadToken(expired=True))
    saved, status = None, 200
    form = None
    if request.method == "POST":
        if not origin.is_same_origin(request):
            return _refused(request)
        if "leave" in request.POST:
            services.leave(subscriber)
            return render(request, "newsletter/unsubscribed.html", {"left_all": True})
        form = PreferencesForm(request.POST)
        if form.is_valid():
            services.set_newsletters(subscriber, list(form.cleaned_data["newsletters"]))
            subscriber.refresh_from_db()
            saved, form = True, None
        else:
            status = 400  # the reader's ticks stay as sent, with the error beside them
    if form is None:
        current = subscriber.subscriptions.filter(confirmed_at__isnull=False).values_list(
            "newsletter", flat=True
        )
        form = PreferencesForm(initial={"newsletters": list(current)})
    context = {"form": form, "subscriber": subscriber, "saved": saved}
    return render(request, "newsletter/preferences.html", context, status=status)


WEBHOOK_STATUSES = {"bounce": Subscriber.Status.BOUNCED, "complaint": Subscriber.Status.COMPLAINED}


@csrf_exempt
@require_POST
def bounce_webhook(request: HttpRequest) -> HttpResponse:
    """Events from a mail provider, signed ``X-Signature: sha256=<hex HMAC of the body>``.

    Body: ``{"events": [{"email": "...", "type": "bounce" | "complaint", "hard": true}]}``.
    Soft bounces (``"hard": false``) are ignored: the relay's retries cover them.
    """
    secret = settings.NEWSLETTER_WEBHOOK_SECRET
    if not secret:
        return JsonResponse({"error": "webhook disabled: NEWSLETTER_WEBHOOK_SECRET is not set"}, status=404)
    expected = "sha256=" + hmac.new(secret.encode(), request.body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected.encode(), request.headers.get("X-Signature", "").encode()):
        return JsonResponse({"error": "bad signature"}, status=403)
    try:
        events = json.loads(request.body)["events"]
        updates = [
            (str(event["email"]), WEBHOOK_STATUSES[event["type"]])
            for event in events
            if event.get("type") == "complaint" or event.get("hard", True)
        ]
    except (ValueError, KeyError, TypeError, AttributeError):
        return JsonResponse(
            {"error": "expected {'events': [{'email', 'type': bounce|complaint}]}"}, status=400
        )
    marked = sum(services.mark_undeliverable(address, status) for address, status in updates)
    return JsonResponse({"marked": marked, "received": len(events)})
