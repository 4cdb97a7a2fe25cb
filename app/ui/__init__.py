"""PySide6 GUI over app.core (see issue 5)."""
