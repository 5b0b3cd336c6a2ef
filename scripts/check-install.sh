#!/usr/bin/env bash
# Check a real install as a new user would make it:
#  1. build the wheel and install it into a fresh virtual environment made from the system Python;
#  2. from another folder, check an example with --strict and build it (every format, with the site);
#     the outputs are readable by others (0644 under umask 022) and each page carries at most 1.5 MB of fonts;
#     one of its PDFs is imported (the file checks) and audited (no finding);
#  3. as root: run the README's first command (bash scripts/install.sh) as a normal user on a copy of the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
SYSTEM_PYTHON="${SYSTEM_PYTHON:-/usr/bin/python3}"
[ -x "$SYSTEM_PYTHON" ] || SYSTEM_PYTHON="$(command -v python3)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "== 1. wheel into a fresh virtual environment ($SYSTEM_PYTHON)"
"$SYSTEM_PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q --disable-pip-version-check wheel >/dev/null 2>&1 || true
"$WORK/venv/bin/python" -m pip wheel -q --disable-pip-version-check --no-deps -w "$WORK/dist" "$ROOT"
WHEEL="$(ls "$WORK"/dist/disclosure-*.whl)"
"$WORK/venv/bin/python" -m pip install -q --disable-pip-version-check "$WHEEL"
"$WORK/venv/bin/python" "$ROOT/scripts/wheel_contents.py" "$WHEEL" "$ROOT/generator"

echo "== 2. check and build an example from another folder"
mkdir -p "$WORK/elsewhere/data"
cp -r "$ROOT/data/jianghan-gov-office" "$ROOT/data/jiangan-gov-office" "$WORK/elsewhere/data/"
cd "$WORK/elsewhere"
umask 022
"$WORK/venv/bin/disclosure" --version
"$WORK/venv/bin/disclosure" check --strict data/
"$WORK/venv/bin/disclosure" build data/ -o out --format html,pdf,xlsx,csv,json,docx --site
bad="$(find out -type f ! -perm 0644 -printf '%m %p\n')"
if [ -n "$bad" ]; then echo "错误：以下输出的权限不是 0644：" >&2; echo "$bad" >&2; exit 1; fi
stat -c '%a %n' out/index.html out/*/*.html out/*/*.pdf
for page in out/index.html out/*/*.html; do
  fonts=0
  for font in $(grep -o 'url("[^"]*\.woff2")' "$page" | sed 's/url("\(.*\)")/\1/'); do
    fonts=$((fonts + $(stat -c %s "$(dirname "$page")/$font")))
  done
  echo "字体 $fonts 字节  $page"
  if [ "$fonts" -gt 1500000 ]; then echo "错误：$page 的字体超过 1.5 MB" >&2; exit 1; fi
done
"$WORK/venv/bin/disclosure" check --format json data/ > check.json
"$WORK/venv/bin/python" -c 'import json,sys; r=json.load(open("check.json")); sys.exit(r["errors"])'
# a published PDF (here one of ours) read back and audited: the installed toolkit reads PDFs on its own
pdf="$(ls out/*/2023-final.pdf | head -1)"
"$WORK/venv/bin/disclosure" import "$pdf" -o imported.yaml
"$WORK/venv/bin/disclosure" check imported.yaml
"$WORK/venv/bin/disclosure" audit "$pdf" | tee audit.txt
grep -q "没有发现不一致" audit.txt
cd "$ROOT"

echo "== 3. the README's first command as a normal user"
if [ "$(id -u)" != "0" ]; then
  echo "（不是 root：跳过）"
  exit 0
fi
USER_NAME="${CHECK_USER:-disclosure-check}"
id "$USER_NAME" >/dev/null 2>&1 || useradd -m -s /bin/bash "$USER_NAME"
HOME_DIR="$(getent passwd "$USER_NAME" | cut -d: -f6)"
rm -rf "$HOME_DIR/disclosure"
mkdir -p "$HOME_DIR/disclosure"
tar -C "$ROOT" --exclude=./.venv --exclude=./output --exclude=./.git -cf - . | tar -C "$HOME_DIR/disclosure" -xf -
chown -R "$USER_NAME:" "$HOME_DIR/disclosure"
# a stock user's PATH: the system Python, no root-only tools
su - "$USER_NAME" -c "cd ~/disclosure && umask 022 && env PATH=/usr/local/bin:/usr/bin:/bin bash scripts/install.sh"
su - "$USER_NAME" -c "cd ~/disclosure && stat -c '%a %U %n' output/*/*.html output/*/*.pdf && .venv/bin/disclosure check --strict data/"
echo "安装检查通过。"
