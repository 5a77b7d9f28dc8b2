"""Whether an article takes comments is now the article's own field (``comments_closed``),
so the article editor and the moderation screen show and change the same switch."""

from django.db import migrations


def copy_closed_threads(apps, schema_editor):
    closed = apps.get_model("comments", "Thread").objects.filter(closed=True).values("article_id")
    apps.get_model("news", "ArticlePage").objects.filter(pk__in=closed).update(comments_closed=True)


def restore_threads(apps, schema_editor):
    Thread = apps.get_model("comments", "Thread")
    closed = apps.get_model("news", "ArticlePage").objects.filter(comments_closed=True)
    Thread.objects.bulk_create([Thread(article_id=pk, closed=True) for pk in closed.values_list("pk", flat=True)])


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0004_reply_notifications"),
        ("news", "0003_article_writing_tools_and_controls"),
    ]

    operations = [
        migrations.RunPython(copy_closed_threads, restore_threads),
        migrations.DeleteModel(name="Thread"),
    ]
