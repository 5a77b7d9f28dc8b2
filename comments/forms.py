"""The "Leave a reply" form, with the messages readers see next to each field."""

from __future__ import annotations

from django import forms
from django.core.validators import URLValidator

from comments import text
from comments.models import HARD_LINK_LIMIT, MAX_EMAIL, MAX_NAME, MAX_TEXT, MAX_WEBSITE

EMPTY_COMMENT = "Please enter your comment!"
EMPTY_NAME = "Please enter your name here"
BAD_EMAIL = "You have entered an incorrect email address!"
BAD_WEBSITE = "Please enter a web address starting with http:// or https://, or leave it empty."
TOO_MANY_LINKS = f"Your comment has too many links: at most {HARD_LINK_LIMIT} are allowed."


def _too_long(what: str, limit: int) -> str:
    return f"Your {what} is too long: at most {limit:,} characters (it has %(show_value)s)."


class CommentForm(forms.Form):
    comment = forms.CharField(
        max_length=MAX_TEXT,
        strip=False,
        error_messages={"required": EMPTY_COMMENT, "max_length": _too_long("comment", MAX_TEXT)},
    )
    author = forms.CharField(
        max_length=MAX_NAME,
        error_messages={"required": EMPTY_NAME, "max_length": _too_long("name", MAX_NAME)},
    )
    email = forms.EmailField(
        max_length=MAX_EMAIL,
        error_messages={
            "required": BAD_EMAIL,
            "invalid": BAD_EMAIL,
            "max_length": _too_long("email address", MAX_EMAIL),
        },
    )
    url = forms.CharField(
        required=False,
        max_length=MAX_WEBSITE,
        error_messages={"max_length": _too_long("website address", MAX_WEBSITE)},
    )
    notify_replies = forms.BooleanField(required=False)
    article = forms.IntegerField(widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Signed start time fetched by JavaScript; absent without JavaScript.
    started = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    phone = forms.CharField(required=False, max_length=200)

    def clean_comment(self) -> str:
        value = text.clean_text(self.cleaned_data["comment"])
        if not value:
            raise forms.ValidationError(EMPTY_COMMENT)
        if text.count_links(value) > HARD_LINK_LIMIT:
            raise forms.ValidationError(TOO_MANY_LINKS)
        return value

    def clean_author(self) -> str:
        value = text.clean_name(self.cleaned_data["author"])
        if not value:
            raise forms.ValidationError(EMPTY_NAME)
        return value

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean_url(self) -> str:
        value = self.cleaned_data["url"].strip()
        if not value:
            return ""
        if "://" not in value:
            value = "https://" + value
        try:
            URLValidator(schemes=["http", "https"])(value)
        except forms.ValidationError:
            raise forms.ValidationError(BAD_WEBSITE) from None
        return value
