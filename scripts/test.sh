#!/usr/bin/env bash
# Install the development extras into the project's virtual environment (.venv; a headless Chromium
# for the preview, site and accessibility tests, LibreOffice for the Word test) and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${DISCLOSURE_VENV:-$PWD/.venv}"

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && ! command -v chromedriver >/dev/null 2>&1; then
  apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null \
    || echo "提示：未能安装 chromium，浏览器测试将跳过" >&2
fi
# LibreOffice converts the Word output to PDF in a test
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && ! command -v soffice >/dev/null 2>&1; then
  apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer >/dev/null \
    || echo "提示：未能安装 libreoffice-writer，Word 转换测试将跳过" >&2
fi

bash scripts/install.sh --dev --no-build
"$VENV/bin/python" -m pytest -q "$@"
