#!/usr/bin/env bash
# Install disclosure into its own virtual environment (.venv beside this checkout; never the system
# Python, which Debian 12 and Ubuntu 24.04 refuse to change: PEP 668) and build the example reports
# into output/.
#
#   bash scripts/install.sh            # as root or as a normal user
#   bash scripts/install.sh --dev      # also the development tools (tests, ruff, mypy), editable install
#   bash scripts/install.sh --no-build # install only
#
# DISCLOSURE_VENV chooses another folder for the environment; PYTHON another interpreter (3.11 or newer).
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${DISCLOSURE_VENV:-$PWD/.venv}"
PYTHON="${PYTHON:-python3}"
DEV=0
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --dev) DEV=1 ;;
    --no-build) BUILD=0 ;;
    *) echo "用法：bash scripts/install.sh [--dev] [--no-build]" >&2; exit 2 ;;
  esac
done

if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    # venv support; WeasyPrint's libraries (only for --pdf-engine weasyprint); libharfbuzz-subset0 speeds up its font subsetting
    apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >/dev/null \
      || echo "提示：系统库安装失败；默认的 Typst 排版不受影响，--pdf-engine weasyprint 可能不可用" >&2
  elif ! dpkg -s libpango-1.0-0 >/dev/null 2>&1; then
    echo "提示：未安装 libpango-1.0-0（非 root 用户无法安装）；默认的 Typst 排版不受影响，--pdf-engine weasyprint 需要管理员先运行" >&2
    echo "      sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0" >&2
  fi
fi

if ! command -v "$PYTHON" >/dev/null 2>&1 || ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "错误：需要 Python 3.11 或更新版本（Debian 12、Ubuntu 24.04 自带的 python3 即可）" >&2
  exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
  if ! "$PYTHON" -m venv "$VENV"; then
    rm -rf "$VENV"
    echo "错误：无法创建虚拟环境 $VENV；Debian/Ubuntu 上请先运行 sudo apt-get install python3-venv" >&2
    exit 1
  fi
fi

pip() { "$VENV/bin/python" -m pip install -q --disable-pip-version-check "$@"; }
if [ "$DEV" = "1" ]; then
  pip -e '.[dev]'
else
  pip .
fi

if [ "$BUILD" = "1" ]; then
  "$VENV/bin/disclosure" build data/
fi

case ":$PATH:" in
  *":$VENV/bin:"*) ;;
  *)
    echo
    echo "已安装到 $VENV。要在任何文件夹直接运行 disclosure，任选其一："
    echo "  ln -sf \"$VENV/bin/disclosure\" ~/.local/bin/disclosure    # ~/.local/bin 在 Debian/Ubuntu 上通常已在 PATH 中（重新登录后生效）"
    echo "  echo 'export PATH=\"$VENV/bin:\$PATH\"' >> ~/.bashrc           # 或把整个环境加入 PATH"
    ;;
esac
