"""Where things are: the repository, and the parts of a build folder.

A build folder (meson's, `build/` by default) holds

    install/            the patched interpreter's prefix (bin/python3, include/, lib/)
    install/lib/python3.11/plugopt/
                        the sample optimizers, installed into the plugopt package of its
                        standard library (modules named _* are helpers they import)
    baseline            a link to the unpatched interpreter's prefix (cached per pin
                        and build mode)
    logs/               the build's logs

Every tool asks this module, so the layout is spelled out once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
PATCH_DIR = REPO_ROOT / "cpython-patches"
SERIES = PATCH_DIR / "series"
PYTHON_VERSION = "3.11"


def default_build_dir() -> Path:
    return REPO_ROOT / "build"


@dataclass(frozen=True)
class BuildFolder:
    root: Path

    @property
    def install(self) -> Path:
        return self.root / "install"

    @property
    def patched_python(self) -> Path:
        return self.install / "bin" / "python3"

    @property
    def baseline(self) -> Path:
        return self.root / "baseline"

    @property
    def baseline_python(self) -> Path:
        return self.baseline / "bin" / "python3"

    @property
    def optimizer_package(self) -> Path:
        return self.install / "lib" / f"python{PYTHON_VERSION}" / "plugopt"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def samples(self) -> list[str]:
        """The sample optimizer modules installed in the plugopt package."""
        return samples_in(self.optimizer_package)


def samples_in(package: Path) -> list[str]:
    """Optimizer modules (shared objects) in a plugopt package folder; `_*` modules
    are helpers an optimizer imports, not optimizers."""
    names = {path.name.split(".")[0] for path in package.glob("*.so")}
    return sorted(name for name in names if not name.startswith("_"))


def build_folder(path: str | os.PathLike[str] | None = None) -> BuildFolder:
    return BuildFolder(Path(path).resolve() if path else default_build_dir().resolve())
