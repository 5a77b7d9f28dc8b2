"""Wagtail names its default review "Moderators approval", but here Editors approve submissions
(news.roles) and "Moderators" are the people who moderate reader comments. Only the default
names change: a workflow or task an operator renamed keeps its name."""

from django.db import migrations

OLD = "Moderators approval"
WORKFLOW, TASK = "Editorial review", "Editor approval"


def rename(apps, schema_editor, names=(WORKFLOW, TASK), old=(OLD, OLD)):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old[0]).update(name=names[0])
    apps.get_model("wagtailcore", "Task").objects.filter(name=old[1]).update(name=names[1])


def restore(apps, schema_editor):
    rename(apps, schema_editor, names=(OLD, OLD), old=(WORKFLOW, TASK))


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_fill_word_counts_and_lead_image_alt"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(rename, restore)]
