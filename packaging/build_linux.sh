#!/usr/bin/env bash
# Build the Linux one-folder bundle into dist/EvidenceBinder and run its self-test offscreen.
# Used by CI. Usage: packaging/build_linux.sh [PYTHON]   (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
"$PY" -m pip install -q "pyinstaller>=6.10"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/evidence_binder.spec
QT_QPA_PLATFORM=offscreen dist/EvidenceBinder/evidence-binder --self-test
tar -C dist -czf dist/EvidenceBinder-linux-x86_64.tar.gz EvidenceBinder
echo "bundle: dist/EvidenceBinder ($(du -sh dist/EvidenceBinder | cut -f1)), archive: dist/EvidenceBinder-linux-x86_64.tar.gz"
