"""Refusals of bad input, with the message in Chinese and English."""
from __future__ import annotations


class DisputeError(ValueError):
    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh, self.en = zh, en

    def message(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en
