"""Editors' tools beyond the snippet form: merge, split, and attributing one quotation."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from news.models import ArticlePage
from quotes import editing, store
from quotes.models import Quotation, Speaker, name_key

PERMISSION = "quotes.change_speaker"


class MergeForm(forms.Form):
    duplicate = forms.ModelChoiceField(
        Speaker.objects.all(),
        to_field_name="slug",
        widget=forms.TextInput,
        label="Slug of the duplicate record",
        help_text="Its quotations and names move here; the duplicate is deleted.",
        error_messages={"invalid_choice": "No speaker has that slug."},
    )


class SplitForm(forms.Form):
    name = forms.CharField(max_length=200, label="Name of the new speaker")
    quotations = forms.ModelMultipleChoiceField(
        Quotation.objects.none(), widget=forms.CheckboxSelectMultiple, label="Quotations that are theirs"
    )


class AttributeForm(forms.Form):
    speaker = forms.CharField(
        max_length=200, required=False, help_text="A speaker's name or alias; a new name makes a new record."
    )
    anonymous = forms.BooleanField(required=False, label="An anonymous source")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not cleaned.get("speaker", "").strip() and not cleaned.get("anonymous"):
            raise forms.ValidationError("Give a speaker, or tick 'An anonymous source'.")
        return cleaned


class EditorView(WagtailAdminTemplateMixin, FormView):
    template_name = "quotes/admin/form.html"
    header_icon = "user"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class MergeSpeaker(EditorView):
    form_class = MergeForm

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.speaker = get_object_or_404(Speaker, pk=kwargs["pk"])
        self.page_title = f"Merge another record into {self.speaker.name}"

    def form_valid(self, form: MergeForm) -> HttpResponse:
        duplicate = form.cleaned_data["duplicate"]
        if duplicate.pk == self.speaker.pk:
            form.add_error("duplicate", "That is this record.")
            return self.form_invalid(form)
        editing.merge(self.speaker, duplicate)
        messages.success(self.request, f"Merged {duplicate.name} into {self.speaker.name}.")
        return redirect("wagtailsnippets_quotes_speaker:edit", self.speaker.pk)


class SplitSpeaker(EditorView):
    form_class = SplitForm

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.speaker = get_object_or_404(Speaker, pk=kwargs["pk"])
        self.page_title = f"Split quotations off {self.speaker.name}"

    def get_form(self, form_class: Any = None) -> SplitForm:
        form = super().get_form(form_class)
        form.fields["quotations"].queryset = Quotation.objects.filter(speaker=self.speaker).select_related(
            "article"
        )
        form.fields["quotations"].label_from_instance = lambda q: f"{q.article.title}: “{q.text[:120]}”"
        return form

    def form_valid(self, form: SplitForm) -> HttpResponse:
        chosen = [q.pk for q in form.cleaned_data["quotations"]]
        new = editing.split(self.speaker, chosen, form.cleaned_data["name"].strip())
        messages.success(self.request, f"Moved {len(chosen)} quotations to {new.name}.")
        return redirect("wagtailsnippets_quotes_speaker:edit", new.pk)


class AttributeQuotation(EditorView):
    """Who said one quotation of an article's current draft; kept when the article is read again."""

    form_class = AttributeForm

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        article = get_object_or_404(ArticlePage, pk=kwargs["article_id"])
        self.article = article.get_latest_revision_as_object()
        found = store.quotations_in(self.article.body, keep_unattributed=True)
        if not 0 <= kwargs["number"] < len(found):
            raise Http404("No such quotation in the current draft.")
        self.found = found[kwargs["number"]]
        self.page_title = f"Who said “{self.found.text[:60]}”?"

    def form_valid(self, form: AttributeForm) -> HttpResponse:
        name = form.cleaned_data["speaker"].strip()
        speaker = None
        if not form.cleaned_data["anonymous"]:
            speaker = store.SpeakerIndex().by_key.get(name_key(name)) or Speaker.objects.create(
                name=name, slug=store.free_slug(name)
            )
        with transaction.atomic():
            quotation = self._stored()
            editing.correct(quotation, speaker, anonymous=form.cleaned_data["anonymous"])
        messages.success(self.request, "Attribution saved; it is kept when the article is read again.")
        return redirect(reverse("wagtailadmin_pages:edit", args=[self.article.pk]))

    def _stored(self) -> Quotation:
        key = Quotation(text=self.found.text).text_key
        for row in Quotation.objects.filter(article_id=self.article.pk):
            if row.text_key == key:
                return row
        return Quotation.objects.create(
            article_id=self.article.pk,
            text=self.found.text,
            kind=self.found.kind,
            cue=self.found.cue[:40],
            block_index=self.found.block_index,
            char_offset=self.found.offset,
            order=Quotation.objects.filter(article_id=self.article.pk).count(),
        )
