"""Reader forms; messages say what to do, and the reader's text is kept on error."""

from __future__ import annotations

from django import forms

from newsletter.models import Newsletter


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        max_length=254,
        error_messages={
            "required": "Enter your email address.",
            "invalid": "Enter a complete email address, like name@example.com.",
            "max_length": "That address is too long: an email address has at most 254 characters.",
        },
    )
    newsletter = forms.ModelChoiceField(
        queryset=Newsletter.objects.filter(is_active=True),
        to_field_name="slug",
        empty_label=None,
        error_messages={
            "required": "Choose a newsletter.",
            "invalid_choice": "That newsletter is not offered any more; choose another.",
        },
    )


class PreferencesForm(forms.Form):
    newsletters = forms.ModelMultipleChoiceField(
        queryset=Newsletter.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Send me",
    )


class ImportForm(forms.Form):
    file = forms.FileField(label="CSV file", help_text="One address per row, or a column headed 'email'.")
    newsletters = forms.ModelMultipleChoiceField(
        queryset=Newsletter.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one newsletter to subscribe them to."},
    )
    consent_affirmed = forms.BooleanField(
        required=False,
        label="I affirm that every person in this file has already agreed to receive these newsletters",
        help_text="Ticked: they are subscribed at once and the consent is recorded as affirmed by you. "
        "Not ticked: each is sent a confirmation email first.",
    )


class TestSendForm(forms.Form):
    address = forms.EmailField(
        label="Send a test to",
        error_messages={
            "required": "Enter the address to send the test to.",
            "invalid": "Enter a valid address.",
        },
    )
