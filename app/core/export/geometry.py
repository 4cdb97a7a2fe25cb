"""Page geometry and the embedded CJK font, shared by every part of the court export."""
from __future__ import annotations

from functools import lru_cache

from ..paths import resource_path


PAGE_W, PAGE_H = 595.2756, 841.8898   # A4 in points
MARGIN_X = 42.0
HEADER_H = 64.0     # exhibit header band (name, time, stamp)
FOOTER_H = 40.0
CONTENT_BOX = (MARGIN_X, FOOTER_H + 6, PAGE_W - 2 * MARGIN_X, PAGE_H - HEADER_H - FOOTER_H - 16)
# Wide images (desktop screenshots, landscape photos) get a landscape A4 page, so their text is not
# shrunk to a third of the page's height.
LANDSCAPE_BOX = (MARGIN_X, FOOTER_H + 6, PAGE_H - 2 * MARGIN_X, PAGE_W - HEADER_H - FOOTER_H - 16)
WIDE = 1.15  # width / height above which an image goes on a landscape page
FONT = "EBCJK"


@lru_cache(maxsize=1)
def register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "wqy-microhei.ttc")), subfontIndex=0))
    return FONT



@lru_cache(maxsize=1)
def _font_chars() -> frozenset:
    from reportlab.pdfbase import pdfmetrics

    register_font()
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


def drawable(text) -> str:
    """`text` without the characters the embedded font has no glyph for (emoji, their joiners and
    variation selectors, rare symbols): dropped cleanly, the spaces around them tidied, so the PDF
    never shows a missing-glyph box. Line breaks stay."""
    import re

    chars = _font_chars()
    kept = "".join(ch for ch in str(text if text is not None else "") if ord(ch) in chars or ch in "\n\t")
    return re.sub(r"[ \u3000]{2,}", " ", kept)
