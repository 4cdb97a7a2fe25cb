"""Refresh the translation sources and compile them: `python resources/translations/update.py`.

Runs pyside6-lupdate over app/ui, puts every message in the one context the app translates with
("EvidenceBinder"; lupdate files free tr() calls under an empty context), keeps the translations
already made, and compiles the .qm files with pyside6-lrelease. Translate new texts with Qt Linguist
(pyside6-linguist) in between.
"""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CONTEXT = "EvidenceBinder"
LANGS = {"en": "en_US"}


def tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    return str(exe) if exe.exists() else name


def merge(ts: Path, old: dict[str, str]) -> tuple[int, int]:
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = root.findall("context")
    target = next((c for c in contexts if c.findtext("name") == CONTEXT), None)
    if target is None:
        target = ET.SubElement(root, "context")
        ET.SubElement(target, "name").text = CONTEXT
    seen = {m.findtext("source") for m in target.findall("message")}
    for context in contexts:
        if context is target:
            continue
        for message in context.findall("message"):
            if message.findtext("source") not in seen:
                target.append(message)
                seen.add(message.findtext("source"))
        root.remove(context)
    done = missing = 0
    for message in target.findall("message"):
        translation = message.find("translation")
        text = old.get(message.findtext("source"))
        if text and not translation.text:
            translation.text = text
            translation.attrib.pop("type", None)
        if translation.text:
            done += 1
        else:
            missing += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return done, missing


def main() -> None:
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").glob("*.py"))
    for lang, locale in LANGS.items():
        ts = HERE / f"evidence_binder_{lang}.ts"
        old = {}
        if ts.exists():
            for message in ET.parse(ts).getroot().iter("message"):
                if message.findtext("translation"):
                    old[message.findtext("source")] = message.findtext("translation")
            ts.unlink()  # rebuilt from the code, with the old translations carried over
        subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(ts), "-target-language", locale], check=True,
                       stdout=subprocess.DEVNULL)
        done, missing = merge(ts, old)
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True,
                       stdout=subprocess.DEVNULL)
        print(f"{ts.name}: {done} translated, {missing} still to translate")


if __name__ == "__main__":
    main()
