#!/usr/bin/env bash
# The progress form, its instructions and a responsibility list as LibreOffice prints
# them (xlsx → PDF → PNG), for docs/spreadsheets.md. Needs libreoffice-calc,
# poppler-utils and fonts-noto-cjk (make sheet-screenshots installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
GEN_SITE=${GEN_SITE:-.build/release/gen-site}
out=docs/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

"$GEN_SITE" export progress-form content --plan lvxiang-2024-2026 --unit lvxiang-police-station --period 2025-12 -o "$work/progress-form.xlsx"
"$GEN_SITE" export tasks content --plan chedun-2023 -o "$work/task-list.xlsx"
soffice -env:UserInstallation="file://$work/profile" --headless --norestore --convert-to pdf --outdir "$work" \
  "$work/progress-form.xlsx" "$work/task-list.xlsx" >/dev/null

# 120 dpi, A4 landscape: 1403 × 992 pixels; each picture is cropped to what the page holds.
pdftoppm -r 120 -png -singlefile -f 1 -l 1 -x 0 -y 40 -W 1403 -H 300 "$work/progress-form.pdf" "$out/progress-form"
pdftoppm -r 120 -png -singlefile -f 2 -l 2 -x 0 -y 40 -W 1403 -H 640 "$work/progress-form.pdf" "$out/progress-form-instructions"
pdftoppm -r 120 -png -singlefile -f 1 -l 1 -x 0 -y 40 -W 1403 -H 560 "$work/task-list.pdf" "$out/task-list"
ls -l "$out"/progress-form.png "$out"/progress-form-instructions.png "$out"/task-list.png
