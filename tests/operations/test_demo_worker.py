"""`python3 dev.py demo` runs the import worker beside the development server and stops it with the demo."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


@pytest.fixture
def dev():
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_demo_starts_the_worker_beside_runserver_and_stops_it(dev, monkeypatch):
    started, ran = [], []

    class FakeWorker:
        def __init__(self, args, **kwargs):
            started.append(args)
            self.stopped = False

        def poll(self):
            return 0 if self.stopped else None

        def terminate(self):
            self.stopped = True

        def wait(self, timeout=None):
            return 0

    def fake_run(*args, env=None):
        ran.append([str(a) for a in args])
        if "runserver" in ran[-1]:
            assert started and not workers[0].stopped  # the worker runs while the server does
            raise KeyboardInterrupt

    workers = []
    handlers = {}
    monkeypatch.setattr(dev.signal, "signal", lambda number, handler: handlers.update({number: handler}))
    monkeypatch.setattr(dev, "ensure_venv", lambda: None)
    monkeypatch.setattr(dev, "run", fake_run)
    monkeypatch.setattr(
        dev.subprocess, "Popen", lambda *a, **k: workers.append(FakeWorker(*a, **k)) or workers[-1]
    )
    with pytest.raises(KeyboardInterrupt):
        dev.demo([])
    assert [Path(args[0]).name for args in ran] == ["ookbalans"] * 4
    assert ran[2][1:] == ["remind", "--schedule"]  # the worker sends the reminders every morning
    assert ran[-1][1:] == ["runserver", "127.0.0.1:8000"]
    assert started[0][1:] == ["db_worker", "--no-reload"]
    assert workers[0].stopped  # Ctrl+C on the server stops the worker too
    with pytest.raises(KeyboardInterrupt):  # and so does `kill`
        handlers[dev.signal.SIGTERM](dev.signal.SIGTERM, None)


def test_a_background_process_is_stopped_when_the_block_ends(dev):
    sleeper = [sys.executable, "-c", "import time; time.sleep(120)"]
    with pytest.raises(RuntimeError), dev.in_background(*sleeper) as process:
        assert process.poll() is None
        raise RuntimeError("the server stopped")
    assert process.poll() is not None
