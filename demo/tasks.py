"""Background work of the demo loader: drawing the image sizes the pages ask for."""

from __future__ import annotations

from django_tasks import task
from wagtail.images import get_image_model


@task()
def generate_renditions(image_ids: list[int], specs: list[str]) -> int:
    """Make ``specs`` of each image ahead of readers; images deleted meanwhile are skipped."""
    images = get_image_model().objects.filter(pk__in=image_ids)
    for image in images:
        image.get_renditions(*specs)
    return len(images)
