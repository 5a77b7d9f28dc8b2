from django.db import migrations

DEFAULTS = [
    ("daily", "Daily digest", "The day's main stories, every morning.", "daily", 0),
    ("weekly", "Weekly digest", "The week in review, every Saturday morning.", "weekly", 1),
]


def create(apps, schema_editor):
    Newsletter = apps.get_model("newsletter", "Newsletter")
    for slug, name, description, frequency, order in DEFAULTS:
        Newsletter.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "frequency": frequency, "sort_order": order,
                      "send_hour": 7, "send_weekday": 5},
        )


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
