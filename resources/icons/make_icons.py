"""Draw the app icon and write it for each platform: `python resources/icons/make_icons.py`.

A binder (dark blue) with a red seal-style stamp bearing 证 — the evidence stamp the exports put on
every exhibit. Drawn with Pillow and the bundled CJK font, so it is reproducible from the repository.
"""
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "fonts" / "wqy-microhei.ttc"


def draw(size: int = 1024) -> Image.Image:
    s = size / 1024
    im = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.rounded_rectangle((120 * s, 80 * s, 880 * s, 944 * s), radius=70 * s, fill=(26, 58, 110, 255))
    d.rounded_rectangle((180 * s, 80 * s, 880 * s, 944 * s), radius=60 * s, fill=(36, 82, 150, 255))
    for y in (220, 420, 620, 820):  # rings of the binder
        d.ellipse((95 * s, (y - 28) * s, 155 * s, (y + 28) * s), fill=(220, 220, 225, 255))
    d.rounded_rectangle((290 * s, 200 * s, 790 * s, 560 * s), radius=24 * s, fill=(250, 250, 250, 255))
    for i, y in enumerate((260, 330, 400, 470)):
        d.rectangle((340 * s, y * s, (740 - i * 60) * s, (y + 26) * s), fill=(150, 160, 175, 255))
    d.rounded_rectangle((470 * s, 560 * s, 840 * s, 900 * s), radius=40 * s, outline=(200, 30, 30, 255),
                        width=int(34 * s), fill=(255, 255, 255, 235))
    font = ImageFont.truetype(str(FONT), int(250 * s))
    d.text((655 * s, 728 * s), "证", font=font, fill=(200, 30, 30, 255), anchor="mm")
    return im


def main() -> None:
    big = draw(1024)
    big.save(HERE / "app.png")
    big.resize((256, 256), Image.LANCZOS).save(HERE / "app-256.png")
    big.save(HERE / "app.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    big.save(HERE / "app.icns")
    print("wrote app.png, app-256.png, app.ico, app.icns")


if __name__ == "__main__":
    main()
