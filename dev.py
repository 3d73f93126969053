#!/usr/bin/env python3
"""Bootstrap and run ookbalans with only Python 3.11+: `python3 dev.py demo` or `python3 dev.py test`."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import venv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".ookbalans-installed"


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, env=env)  # noqa: S603 - our own commands


def installed_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in (LOCK, ROOT / "pyproject.toml"):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_venv() -> None:
    """Create .venv and install the locked dependencies, once per change of the lock file."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be started by an older python3
        sys.exit("ookbalans needs Python 3.11 or newer.")
    if not (BIN / "python").exists():
        print(f"Creating the virtual environment in {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    fingerprint = installed_fingerprint()
    if STAMP.exists() and STAMP.read_text() == fingerprint:
        return
    python = BIN / "python"
    run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(python, "-m", "pip", "install", "--quiet", "--require-hashes", "-r", LOCK)
    run(python, "-m", "pip", "install", "--quiet", "--no-deps", "-e", ROOT)
    STAMP.write_text(fingerprint)


@contextmanager
def in_background(*args: str | Path, env: dict[str, str] | None = None) -> Iterator[subprocess.Popen]:
    """A command running beside the block, stopped when the block ends (also on Ctrl+C or an error)."""
    print("+", " ".join(str(a) for a in args), "&", flush=True)
    process = subprocess.Popen([str(a) for a in args], cwd=ROOT, env=env)  # noqa: S603 - our own commands
    try:
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def interrupted(signum, frame) -> None:
    raise KeyboardInterrupt


def demo(extra: list[str]) -> None:
    """Migrate, load the demo coalition and serve it on http://127.0.0.1:8000/, with the import worker."""
    ensure_venv()
    ookbalans = BIN / "ookbalans"
    # The demo coordinator logs in with the password only, unless the operator asks for 2FA here too.
    # The demo serves its own feed at /demo-feed/ over plain http on 127.0.0.1 (docs/operations.md).
    env = {"OOKBALANS_REQUIRE_2FA": "0", "OOKBALANS_FEEDS_LOCAL_HTTP": "1", **os.environ}
    address = extra[0] if extra else "127.0.0.1:8000"
    # The demo's feed is pulled from the demo's own server, and the reminder mails link to it.
    env = {"OOKBALANS_SITE_URL": f"http://{address}", **env}
    run(ookbalans, "migrate", "--no-input", env=env)
    run(ookbalans, "load_demo", env=env)
    # The worker sends the reminders to check services every morning (docs/operations.md).
    run(ookbalans, "remind", "--schedule", env=env)
    env = {**env, "OOKBALANS_DEBUG": "1"}
    # The background worker runs large imports (docs/operations.md); it stops when the demo stops,
    # by Ctrl+C, by the server ending, or by `kill` (SIGTERM) of this script.
    signal.signal(signal.SIGTERM, interrupted)
    with in_background(ookbalans, "db_worker", "--no-reload", env=env):
        run(ookbalans, "runserver", address, env=env)


def test(extra: list[str]) -> None:
    """Lint, check the app graph and the project, and run every test on DATABASE_URL (default SQLite)."""
    ensure_venv()
    python = BIN / "python"
    run(BIN / "ruff", "check", ".")
    run(BIN / "lint-imports")
    run(BIN / "ookbalans", "check")
    run(BIN / "ookbalans", "makemigrations", "--check", "--dry-run")
    # Two processes share the tests (pytest-xdist), a test file per process at a time so that each
    # file's shared fixtures are set up once; `-n 0` runs them in one process.
    chosen = any(arg.startswith("-n") for arg in extra)
    workers = [] if chosen else ["-n", "2", "--dist", "loadfile"]
    run(python, "-m", "pytest", *workers, *extra)


COMMANDS = {"demo": demo, "test": test, "setup": lambda extra: ensure_venv()}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit("usage: python3 dev.py demo|test|setup [arguments]")
    try:
        COMMANDS[sys.argv[1]](sys.argv[2:])
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
