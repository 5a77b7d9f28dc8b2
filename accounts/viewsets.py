"""Wagtail's user and group admin, with every change held within the actor's own powers.

Installed through :class:`accounts.apps.UsersConfig` (Wagtail's documented way to replace the
user and group viewsets). Checks are made on the server for every request, not by hiding
buttons: a non-superuser gets 403 on the edit, password or delete page of an account or group
more powerful than they are, and a save that would leave an account or group with powers they
lack is refused with the form shown again.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.views.generic.edit import FormMixin
from wagtail.users.views import groups, users

from accounts import forms, powers

GROUP_BEYOND_YOUR_POWERS = "You can only give a group permissions you hold yourself."


class ActorFormKwargsMixin(FormMixin):
    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "actor": self.request.user}


class UserCreateView(ActorFormKwargsMixin, users.CreateView):
    pass


class UserEditView(ActorFormKwargsMixin, users.EditView):
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not powers.may_manage(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserDeleteView(users.DeleteView):
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not powers.may_manage(request.user, self.get_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(users.UserViewSet):
    add_view_class = UserCreateView
    edit_view_class = UserEditView
    delete_view_class = UserDeleteView

    def get_form_class(self, for_update: bool = False) -> type:
        return forms.UserEditForm if for_update else forms.UserCreationForm


def _may_manage_group(request: HttpRequest, group: Group) -> bool:
    return request.user.is_superuser or powers.of_user(request.user).covers(powers.of_groups([group]))


class GuardedGroupFormMixin:
    """Saves the group and its permission panels in one transaction, and undoes it all when the
    group would end up with powers the actor lacks."""

    def process_form(self) -> HttpResponse:
        form = self.get_form()
        if not self.is_valid(form):
            return self.form_invalid(form)
        self.form = form
        with transaction.atomic():
            self.object = self.save_instance()
            for panel in self.permission_panel_forms:
                panel.save()
            within_powers = _may_manage_group(self.request, self.object)
            transaction.set_rollback(not within_powers)
        if not within_powers:
            if self.creating:
                self.object.pk = None
            form.add_error(None, GROUP_BEYOND_YOUR_POWERS)
            self.produced_error_message = GROUP_BEYOND_YOUR_POWERS
            return self.form_invalid(form)
        response = self.save_action()
        return self.run_after_hook() or response


class GroupCreateView(GuardedGroupFormMixin, groups.CreateView):
    creating = True


class GroupEditView(GuardedGroupFormMixin, groups.EditView):
    creating = False

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _may_manage_group(request, self.get_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class GroupDeleteView(groups.DeleteView):
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _may_manage_group(request, self.get_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class GroupViewSet(groups.GroupViewSet):
    add_view_class = GroupCreateView
    edit_view_class = GroupEditView
    delete_view_class = GroupDeleteView
