#!/usr/bin/env bash
# Lint and type-check generator/ with the project's settings (pyproject.toml), in the project's virtual environment.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${DISCLOSURE_VENV:-$PWD/.venv}"
"$VENV/bin/ruff" check generator
"$VENV/bin/ruff" format --check generator
"$VENV/bin/mypy"
