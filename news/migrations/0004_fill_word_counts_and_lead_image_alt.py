"""Existing articles get their stored word count, and keep the alt text they showed until now
(the lead image's title) as their own, editable alt text."""

from django.db import migrations

from news.blocks import word_count


def fill(apps, schema_editor):
    ArticlePage = apps.get_model("news", "ArticlePage")
    for article in ArticlePage.objects.select_related("lead_image").iterator():
        article.word_count = word_count(article.body)
        if article.lead_image and not article.lead_image_alt:
            article.lead_image_alt = article.lead_image.title[:250]
        article.save(update_fields=["word_count", "lead_image_alt"])


class Migration(migrations.Migration):
    dependencies = [("news", "0003_article_writing_tools_and_controls")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
