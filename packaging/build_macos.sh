#!/usr/bin/env bash
# Build "证据夹 Evidence Binder.app" and a .dmg on macOS (11+), then self-test the bundle.
# Usage: packaging/build_macos.sh   (run from a checkout with python3 >= 3.11)
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv-build
.venv-build/bin/pip install -q -e . "pyinstaller>=6.10"
.venv-build/bin/python -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
  packaging/evidence_binder.spec
APP="dist/证据夹 Evidence Binder.app"
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/evidence-binder" --self-test
VERSION=$(.venv-build/bin/python -c "import app; print(app.__version__)")
hdiutil create -volname "证据夹 Evidence Binder" -srcfolder "$APP" -ov -format UDZO "dist/EvidenceBinder-$VERSION.dmg"
echo "built dist/EvidenceBinder-$VERSION.dmg (sign and notarize it before publishing)"
