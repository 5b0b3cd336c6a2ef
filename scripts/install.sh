#!/usr/bin/env bash
# Install disclosure and build the example reports into output/.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  # WeasyPrint's system libraries; libharfbuzz-subset0 makes font subsetting twice as fast
  apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >/dev/null \
    || echo "提示：系统库安装失败，PDF 生成可能较慢或不可用" >&2
fi

python3 -m pip install -q --disable-pip-version-check -e .
python3 -m generator build data/
