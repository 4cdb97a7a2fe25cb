# Build the Windows one-folder bundle (EvidenceBinder.exe + evidence-binder.exe) and a zip,
# then self-test the bundle. Usage (PowerShell, Python 3.11+ on PATH as `py`):
#   powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
py -3 -m venv .venv-build
.\.venv-build\Scripts\pip install -q -e . "pyinstaller>=6.10"
.\.venv-build\Scripts\python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller `
  packaging\evidence_binder.spec
$env:QT_QPA_PLATFORM = "offscreen"
.\dist\EvidenceBinder\evidence-binder.exe --self-test
if ($LASTEXITCODE -ne 0) { throw "self-test failed" }
$version = .\.venv-build\Scripts\python -c "import app; print(app.__version__)"
Compress-Archive -Path dist\EvidenceBinder -DestinationPath "dist\EvidenceBinder-$version-windows.zip" -Force
Write-Host "built dist\EvidenceBinder-$version-windows.zip (unzip, double-click EvidenceBinder.exe)"
