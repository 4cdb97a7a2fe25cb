"""Synthetic evidence for the benchmarks: phone screenshots of a chat, drawn with Pillow."""
from __future__ import annotations

import random

from PIL import Image, ImageDraw


def chat_screenshot(rng: random.Random, height: int = 2400, width: int = 1080) -> Image.Image:
    """A status bar and chat bubbles with lines of 'text', like a customer-service chat."""
    im = Image.new("RGB", (width, height), (245, 245, 245))
    draw = ImageDraw.Draw(im)
    draw.rectangle((0, 0, width, 90), fill=(220, 40, 40))
    y = 140
    while y < height - 200:
        h = rng.randint(60, 220)
        x0 = rng.choice((40, 300))
        draw.rounded_rectangle((x0, y, x0 + rng.randint(300, 700), y + h), 20,
                               fill=rng.choice(((255, 255, 255), (160, 230, 120))))
        for line in range(y + 20, y + h - 20, 34):
            draw.rectangle((x0 + 24, line, x0 + 24 + rng.randint(80, 600), line + 18), fill=(40, 40, 40))
        y += h + 30
    return im
