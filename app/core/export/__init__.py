"""The court / mediation export (DESIGN §5): one A4 PDF (cover, 证据目录, the exhibits, 电子数据说明,
signature line) and beside it a folder with every original, unchanged, and a manifest.

How the PDF is made: reportlab lays out every page of our own (cover, index, headers, stamps, page
numbers, audio and video pages, appendix, bookmarks and links) in passes until the page numbers
settle; then pypdf puts each exhibit's content under its page: images as XObjects built from the
original bytes (pdfimages), PDF originals as their own pages with text and vectors intact.

The parts: plan (what goes in, order, labels), layout (page geometry, cover, index, appendix), compose
(exhibit pages, stamps, media pages, content under each page), bundle (the originals folder, manifests,
the export row, the whole export) and verify (verify-export).
"""
from .bundle import ExportResult, bundle_folder, export_court, unique_path
from .geometry import FONT, register_font
from .plan import (DEFAULT_PURPOSE, ExportCancelled, ExportOptions, PagePlan, default_purpose, label,
                   original_file_name, plan_pages)
from .verify import ExportCheck, verify_export

__all__ = ["DEFAULT_PURPOSE", "FONT", "ExportCancelled", "ExportCheck", "ExportOptions", "ExportResult", "PagePlan",
           "bundle_folder", "default_purpose", "export_court", "label", "original_file_name", "plan_pages",
           "register_font", "unique_path", "verify_export"]
