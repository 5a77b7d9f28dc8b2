from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "mail"
    verbose_name = "Mail"

    def ready(self) -> None:
        from mail import erasure, health, relay, tasks  # noqa: F401  (registered on import)
        from mail.models import OutgoingMail

        relay.register(relay.Source(OutgoingMail, relay.due_outgoing_mail, relay.outgoing_message))
