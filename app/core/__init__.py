"""The core of Evidence Binder: domain, store, ingest. No Qt may be imported here."""
