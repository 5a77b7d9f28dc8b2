"""Deterministic placeholder pictures drawn with Pillow (no downloads, no stock photos)."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFilter

PALETTES = [
    ("#1d3557", "#457b9d", "#a8dadc", "#f1faee"),
    ("#264653", "#2a9d8f", "#e9c46a", "#f4a261"),
    ("#3d405b", "#81b29a", "#f2cc8f", "#e07a5f"),
    ("#22223b", "#4a4e69", "#9a8c98", "#c9ada7"),
    ("#003049", "#d62828", "#f77f00", "#fcbf49"),
    ("#2b2d42", "#8d99ae", "#edf2f4", "#ef233c"),
]


def landscape(seed: str, size: tuple[int, int] = (1600, 900)) -> bytes:
    """A soft abstract 'horizon' scene, different for every seed."""
    rng = random.Random(seed)
    sky, hills, light, accent = rng.choice(PALETTES)
    image = Image.new("RGB", size, sky)
    draw = ImageDraw.Draw(image)
    width, height = size
    sun_x, sun_y, radius = rng.randint(200, width - 200), rng.randint(120, 320), rng.randint(60, 140)
    draw.ellipse([sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius], fill=light)
    for layer, colour in enumerate((hills, accent, sky)):
        base = int(height * (0.55 + 0.13 * layer))
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base + rng.randint(-60, 60)))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    image = image.filter(ImageFilter.GaussianBlur(2))
    return _jpeg(image)


def portrait(seed: str, initials: str, size: int = 480) -> bytes:
    rng = random.Random(seed)
    background, face, _, ink = rng.choice(PALETTES)
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse([size * 0.3, size * 0.18, size * 0.7, size * 0.58], fill=face)
    draw.ellipse([size * 0.15, size * 0.62, size * 0.85, size * 1.3], fill=face)
    draw.text((size * 0.08, size * 0.06), initials, fill=ink, font_size=int(size * 0.12))
    return _jpeg(image)


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()
