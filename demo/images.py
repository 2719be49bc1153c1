"""Hero images for the demo articles, drawn locally so nothing is downloaded."""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 900


def hex_to_rgb(value):
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def shade(colour, factor):
    return tuple(max(0, min(255, round(c * factor))) for c in colour)


def gradient(top, bottom):
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    for y in range(HEIGHT):
        draw.line([(0, y), (WIDTH, y)], fill=mix(top, bottom, y / HEIGHT))
    return image


def draw_river(draw, rng, light, dark):
    for band in range(6):
        base = HEIGHT * (0.45 + band * 0.09)
        amplitude = 30 + band * 12
        phase = rng.uniform(0, math.tau)
        points = [(x, base + amplitude * math.sin(x / 180 + phase)) for x in range(0, WIDTH + 20, 20)]
        draw.polygon([*points, (WIDTH, HEIGHT), (0, HEIGHT)], fill=mix(light, dark, band / 6))


def draw_desert(draw, rng, light, dark):
    draw.ellipse([WIDTH * 0.68, HEIGHT * 0.12, WIDTH * 0.68 + 220, HEIGHT * 0.12 + 220], fill=shade(light, 1.25))
    for layer in range(4):
        base = HEIGHT * (0.55 + layer * 0.12)
        points = [(x, base - 60 * math.sin(x / (260 + layer * 40) + layer)) for x in range(0, WIDTH + 40, 40)]
        draw.polygon([*points, (WIDTH, HEIGHT), (0, HEIGHT)], fill=mix(light, dark, 0.3 + layer * 0.2))


def draw_city(draw, rng, light, dark):
    x = 0
    while x < WIDTH:
        width = rng.randint(60, 150)
        height = rng.randint(180, 560)
        draw.rectangle([x, HEIGHT - height, x + width, HEIGHT], fill=mix(dark, light, rng.uniform(0, 0.35)))
        for wy in range(HEIGHT - height + 20, HEIGHT - 20, 36):
            for wx in range(x + 12, x + width - 16, 26):
                if rng.random() < 0.35:
                    draw.rectangle([wx, wy, wx + 10, wy + 16], fill=shade(light, 1.3))
        x += width + rng.randint(4, 18)


def draw_border(draw, rng, light, dark):
    horizon = HEIGHT * 0.7
    draw.rectangle([0, horizon, WIDTH, HEIGHT], fill=mix(light, dark, 0.6))
    for x in range(-20, WIDTH, 34):
        draw.rectangle([x, HEIGHT * 0.3, x + 12, HEIGHT], fill=shade(dark, 0.7))
    draw.rectangle([0, HEIGHT * 0.3 - 14, WIDTH, HEIGHT * 0.3], fill=shade(dark, 0.6))


def draw_documents(draw, rng, light, dark):
    for _index in range(9):
        cx, cy = rng.uniform(150, WIDTH - 150), rng.uniform(120, HEIGHT - 120)
        w, h = rng.uniform(260, 380), rng.uniform(340, 460)
        angle = rng.uniform(-0.5, 0.5)
        corners = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]
        points = [
            (cx + px * math.cos(angle) - py * math.sin(angle), cy + px * math.sin(angle) + py * math.cos(angle))
            for px, py in corners
        ]
        draw.polygon(points, fill=shade(light, 1.2), outline=shade(dark, 0.8))
        for line in range(6):
            ly = -h / 2 + 50 + line * 45
            start = (
                cx + (-w / 2 + 30) * math.cos(angle) - ly * math.sin(angle),
                cy + (-w / 2 + 30) * math.sin(angle) + ly * math.cos(angle),
            )
            end = (
                cx + (w / 2 - 30) * math.cos(angle) - ly * math.sin(angle),
                cy + (w / 2 - 30) * math.sin(angle) + ly * math.cos(angle),
            )
            draw.line([start, end], fill=shade(dark, 0.9), width=6)


def draw_mountains(draw, rng, light, dark):
    for layer in range(3):
        base = HEIGHT * (0.5 + layer * 0.15)
        x, points = 0, [(0, HEIGHT)]
        while x <= WIDTH:
            points.append((x, base - rng.uniform(80, 260)))
            x += rng.randint(140, 300)
        points += [(WIDTH, base - 100), (WIDTH, HEIGHT)]
        draw.polygon(points, fill=mix(light, dark, 0.35 + layer * 0.25))


MOTIFS = {
    "river": draw_river,
    "desert": draw_desert,
    "city": draw_city,
    "border": draw_border,
    "documents": draw_documents,
    "mountains": draw_mountains,
}


def hero_image_bytes(palette, motif, seed):
    """A 1600x900 JPEG: a two-colour gradient with a simple motif."""
    rng = random.Random(seed)
    light, dark = (hex_to_rgb(colour) for colour in palette[:2])
    image = gradient(shade(light, 1.1), dark)
    draw = ImageDraw.Draw(image)
    MOTIFS.get(motif, draw_river)(draw, rng, light, dark)
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=84, optimize=True)
    return buffer.getvalue()
