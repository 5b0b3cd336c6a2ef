"""Check that a wheel holds every subpackage and every data file of the package (templates, code lists …).

    python scripts/wheel_contents.py dist/disclosure-*.whl generator
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

DATA = (".yaml", ".html", ".css", ".typ", ".json")


def expected(package: Path) -> set[str]:
    """Every module and data file of the source package, as paths inside the wheel."""
    out = set()
    for path in package.rglob("*"):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        if path.suffix == ".py" or path.suffix in DATA or path.name == "py.typed":
            out.add(str(Path(package.name) / path.relative_to(package)).replace("\\", "/"))
    return out


def main(wheel: str, package: str) -> int:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = sorted(expected(Path(package)) - names)
    packages = sorted({str(Path(n).parent) for n in names if n.endswith("/__init__.py")})
    print(f"{Path(wheel).name}: {len(names)} 个文件，{len(packages)} 个包；模板等数据文件 {sum(1 for n in names if n.endswith(DATA))} 个")
    if missing:
        print("错误：wheel 中缺少：\n  " + "\n  ".join(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
