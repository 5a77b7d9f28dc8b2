"""Create the first administrator if missing and print how to sign in."""

from __future__ import annotations

import os
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from accounts.first_admin import first_admin_username


class Command(BaseCommand):
    help = "Create the admin account (ADMIN_USERNAME / ADMIN_PASSWORD, or generated) and print it."

    def handle(self, *args: Any, **options: Any) -> None:
        username = first_admin_username()
        password_file = settings.VAR_DIR / "admin_password"
        password = os.environ.get("ADMIN_PASSWORD")
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is None:
            password = password or secrets.token_urlsafe(12)
            user_model.objects.create_superuser(username, f"{username}@localhost", password)
            if "ADMIN_PASSWORD" not in os.environ:
                password_file.write_text(password)
                password_file.chmod(0o600)
        elif password:
            user.set_password(password)
            user.save(update_fields=["password"])
        elif password_file.exists():
            password = (
                password_file.read_text().strip() + " (as first generated; set ADMIN_PASSWORD to reset)"
            )
        shown = password or "(unchanged; set ADMIN_PASSWORD to reset it)"
        self.stdout.write(f"Admin: {settings.SITE_URL}/admin/  user: {username}  password: {shown}")
