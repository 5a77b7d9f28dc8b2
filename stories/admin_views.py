"""Editors' tools beyond the snippet form (which sets the title): add an article, remove or
split off articles, merge another story in. Each is a decision the grouping then keeps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminPageChooser

from news.models import ArticlePage
from stories import store
from stories.models import Membership, Story

PERMISSION = "stories.change_story"


class AddForm(forms.Form):
    article = forms.ModelChoiceField(
        ArticlePage.objects.all(),
        widget=AdminPageChooser(target_models=[ArticlePage]),
        help_text="It leaves any other story, and no automatic grouping moves it again.",
        error_messages={"invalid_choice": "Choose an article."},
    )


class MembersForm(forms.Form):
    ACTIONS = [
        ("remove", "Remove them from this story (they are never put back automatically)"),
        ("split", "Split them off into a new story"),
    ]
    articles = forms.ModelMultipleChoiceField(
        ArticlePage.objects.none(), widget=forms.CheckboxSelectMultiple, label="Articles"
    )
    action = forms.ChoiceField(choices=ACTIONS, widget=forms.RadioSelect, initial="remove")
    title = forms.CharField(
        max_length=255,
        required=False,
        label="Title of the new story",
        help_text="Only for a split; optional.",
    )


class MergeForm(forms.Form):
    duplicate = forms.ModelChoiceField(
        Story.objects.all(),
        to_field_name="slug",
        widget=forms.TextInput,
        label="Slug of the other story",
        help_text="Its articles move here; the other story and its page are deleted.",
        error_messages={"invalid_choice": "No story has that slug."},
    )


class StoryEditorView(WagtailAdminTemplateMixin, FormView):
    template_name = "stories/admin/form.html"
    header_icon = "list-ul"
    action_label = ""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.story = get_object_or_404(Story, pk=kwargs["pk"])
        self.page_title = f"{self.action_label}: {self.story.title}"

    def members(self) -> Any:
        members = Membership.objects.filter(story=self.story).values("article_id")
        return ArticlePage.objects.filter(pk__in=members).order_by(
            Coalesce("published_at", "first_published_at"), "pk"
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "story": self.story, "members": self.members()}

    def done(self, message: str) -> HttpResponse:
        messages.success(self.request, message)
        return redirect("wagtailsnippets_stories_story:edit", self.story.pk)


class AddArticle(StoryEditorView):
    form_class = AddForm
    action_label = "Add an article"

    def form_valid(self, form: AddForm) -> HttpResponse:
        article = form.cleaned_data["article"].specific
        store.add_article(self.story, article)
        return self.done(f"Added “{article.title}”.")


class EditMembers(StoryEditorView):
    form_class = MembersForm
    action_label = "Remove or split off articles"

    def get_form(self, form_class: Any = None) -> MembersForm:
        form = super().get_form(form_class)
        form.fields["articles"].queryset = self.members()
        return form

    def form_valid(self, form: MembersForm) -> HttpResponse:
        chosen = [article.pk for article in form.cleaned_data["articles"]]
        if form.cleaned_data["action"] == "remove":
            store.remove_articles(self.story, chosen)
            return self.done(f"Removed {len(chosen)} article{'s' if len(chosen) != 1 else ''}.")
        if len(chosen) == self.members().count():
            form.add_error("articles", "Leave at least one article in this story, or rename it instead.")
            return self.form_invalid(form)
        other = store.split(self.story, chosen, form.cleaned_data["title"].strip())
        messages.success(self.request, f"Split {len(chosen)} articles off into “{other.title}”.")
        return redirect("wagtailsnippets_stories_story:edit", other.pk)


class MergeStory(StoryEditorView):
    form_class = MergeForm
    action_label = "Merge another story into this"

    def form_valid(self, form: MergeForm) -> HttpResponse:
        duplicate = form.cleaned_data["duplicate"]
        if duplicate.pk == self.story.pk:
            form.add_error("duplicate", "That is this story.")
            return self.form_invalid(form)
        store.merge(self.story, duplicate)
        return self.done(f"Merged “{duplicate.title}” into this story.")
