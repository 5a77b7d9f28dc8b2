from django.apps import AppConfig
from wagtail.users import apps as wagtail_users


class AccountsConfig(AppConfig):
    name = "accounts"
    default = True


class UsersConfig(wagtail_users.WagtailUsersAppConfig):
    """Wagtail's users app with its user and group views replaced (listed in INSTALLED_APPS)."""

    default = False
    user_viewset = "accounts.viewsets.UserViewSet"
    group_viewset = "accounts.viewsets.GroupViewSet"
