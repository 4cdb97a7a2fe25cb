"""Evidence Binder (证据夹)."""

__version__ = "0.1.0"
APP_NAME = "Evidence Binder"
