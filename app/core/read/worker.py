"""OCR in a child process: the reading worker, and the client the app talks to it through.

Why a process and not a thread (issues 10 and 11):
- the OCR models and the pictures being read (about 300-500 MB) live in the worker, so the window, the
  command line and the exports keep their own memory small, and the worker gives its memory back when it
  has been idle for a while (it exits; the next request starts a new one);
- a native crash of the engine (onnxruntime, OpenCV) ends the worker, not the app: the file in hand is
  marked failed and the next file gets a new worker;
- the worker runs at a lower priority and never holds the window's GIL, so the window stays smooth
  while hundreds of screenshots are read;
- a file in hand can be given up at once (closing a case, stopping an export): the worker is stopped.

The protocol is one JSON object per line: requests on the worker's stdin, answers on its stdout (the
worker moves anything else that would print to stdout over to stderr, which the client passes to the
log). Requests name files by path (an original in the case, or a picture the caller wrote to a
temporary file), never send pixels.

`EVIDENCE_BINDER_OCR_PROCESS=0` reads in the calling process instead (debugging).
"""
from __future__ import annotations

import itertools
import json
import logging
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

log = logging.getLogger("evidence_binder.reading")

IDLE_SECONDS = float(os.environ.get("EVIDENCE_BINDER_OCR_IDLE", "90"))   # a worker idle this long exits
FILE_TIMEOUT = 600.0         # seconds one request may take before the worker is stopped and the file failed
IDLE_EXIT = 3                # the worker's exit code when it ends for idleness
NICE = 19                    # POSIX niceness of the worker: the lowest (Windows: below-normal priority class)


class Cancelled(Exception):
    """The request was given up by its caller (the worker was stopped)."""


class WorkerFailed(Exception):
    """The worker ended or stopped answering while it read; `reason` is a message code of reader.py."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(detail or reason)
        self.reason = reason
        self.detail = detail


def in_process() -> bool:
    return os.environ.get("EVIDENCE_BINDER_OCR_PROCESS", "1") == "0"


# ----- the worker (child side) -----------------------------------------------------------------------

def serve() -> int:
    """The worker's main loop: `python -m app --read-worker` (or the bundle with `--read-worker`)."""
    proto = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    try:
        os.dup2(2, 1)                  # native libraries' prints must not garble the protocol
    except OSError:
        pass
    sys.stdout = sys.stderr
    _lower_priority()
    try:
        import faulthandler
        faulthandler.enable(file=sys.stderr)
    except Exception:
        pass
    requests: queue.Queue = queue.Queue()

    def pump():
        with os.fdopen(0, "r", encoding="utf-8", errors="replace") as stdin:
            for line in stdin:
                requests.put(line)
        requests.put(None)

    threading.Thread(target=pump, name="requests", daemon=True).start()
    trim = _malloc_trim()
    while True:
        try:
            line = requests.get(timeout=IDLE_SECONDS)
        except queue.Empty:
            return IDLE_EXIT
        if line is None:
            return 0
        line = line.strip()
        if not line:
            continue
        try:
            request = json.loads(line)
            answer = {"id": request.get("id"), "reading": _handle(request)}
        except MemoryError:
            answer = {"id": _id_of(line), "error": "MemoryError", "reason": "read_too_big"}
        except Exception as exc:
            answer = {"id": _id_of(line), "error": f"{type(exc).__name__}: {exc}"[:300]}
        proto.write(json.dumps(answer, ensure_ascii=False) + "\n")
        proto.flush()
        trim()   # give the picture's memory back now: without it the worker's size creeps up file by file


def _id_of(line: str):
    try:
        return json.loads(line).get("id")
    except Exception:
        return None


def _malloc_trim():
    """glibc's malloc_trim(0) where there is one (Linux); elsewhere nothing."""
    try:
        import ctypes
        import ctypes.util

        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        fn = libc.malloc_trim
    except (OSError, AttributeError):
        return lambda: None
    return lambda: fn(0)


def _lower_priority() -> None:
    if hasattr(os, "nice"):
        try:
            os.nice(NICE)
        except OSError:
            pass


def _handle(request: dict) -> dict:
    from . import reader

    op = request.get("op")
    if op == "ping":
        return {"status": "done", "lines": [], "reason": None, "params": {"pid": os.getpid()}}
    if op == "file":
        crash_on = os.environ.get("EVIDENCE_BINDER_OCR_TEST_CRASH")   # tests: a native crash on one file
        if crash_on and crash_on in request["path"]:
            os._exit(139)
        delay = os.environ.get("EVIDENCE_BINDER_OCR_TEST_DELAY")      # tests: a file that takes long
        if delay:
            time.sleep(float(delay))
        return reader.reading_to_json(reader.read_path(Path(request["path"]), request.get("row") or {}))
    if op == "image":
        from PIL import Image

        from . import engine as engine_mod
        with Image.open(request["path"]) as im:
            im.load()
            lines = engine_mod.engine(request.get("settings") or "tuned").read_image(im, page=int(request.get("page") or 0))
        return reader.reading_to_json(reader._done(lines))
    if op == "crash":                  # tests: a native crash of the engine, as a segfault would end it
        os._exit(int(request.get("code") or 139))
    if op == "sleep":                  # tests: a file that takes long
        time.sleep(float(request.get("seconds") or 1))
        return {"status": "done", "lines": [], "reason": None, "params": {}}
    raise ValueError(f"unknown request {op!r}")


# ----- the client (parent side) ----------------------------------------------------------------------

def worker_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, "--read-worker"]
    return [sys.executable, "-m", "app", "--read-worker"]


class ReaderProcess:
    """One worker process, started when first needed, one request at a time (a lock; onnxruntime uses
    every core for one picture anyway). Thread-safe; any thread may call `request`."""

    def __init__(self, command: list[str] | None = None):
        self.command = command
        self._lock = threading.Lock()          # one request at a time
        self._proc: subprocess.Popen | None = None
        self._answers: queue.Queue | None = None
        self._ids = itertools.count(1)
        self.started = 0                       # workers started (tests, benchmarks)

    # -- life of the worker --
    def _start(self) -> None:
        env = dict(os.environ)
        if not getattr(sys, "frozen", False):
            root = str(Path(__file__).resolve().parents[3])     # the folder holding the `app` package
            env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        env.setdefault("PYTHONIOENCODING", "utf-8")
        kwargs: dict = {}
        if os.name == "nt":
            kwargs["creationflags"] = (getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0)
                                       | getattr(subprocess, "CREATE_NO_WINDOW", 0))
        else:
            kwargs["start_new_session"] = True   # Ctrl+C in a terminal goes to the app, which stops the worker
        proc = subprocess.Popen(self.command or worker_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env, **kwargs)
        answers: queue.Queue = queue.Queue()

        def pump_out(stream=proc.stdout):
            for raw in stream:
                answers.put(raw)
            answers.put(None)

        def pump_err(stream=proc.stderr):
            for raw in stream:
                text = raw.decode("utf-8", "replace").rstrip()
                if text:
                    log.warning("reading worker: %s", text)

        threading.Thread(target=pump_out, name="reading-worker-out", daemon=True).start()
        threading.Thread(target=pump_err, name="reading-worker-err", daemon=True).start()
        self._proc, self._answers = proc, answers
        self.started += 1

    def _stop_proc(self) -> None:
        proc, self._proc, self._answers = self._proc, None, None
        if proc is None:
            return
        try:
            proc.kill()
        except OSError:
            pass
        try:
            proc.wait(timeout=5)
        except (subprocess.TimeoutExpired, OSError):
            pass
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            try:
                stream.close()
            except (OSError, ValueError, AttributeError):
                pass

    def close(self) -> None:
        """Stop the worker now (whatever it is doing)."""
        self._stop_proc()

    @property
    def pid(self) -> int | None:
        proc = self._proc
        return proc.pid if proc is not None and proc.poll() is None else None

    # -- requests --
    def request(self, payload: dict, cancel: threading.Event | None = None,
                timeout: float = FILE_TIMEOUT) -> dict:
        """Send one request and wait for its answer (a reading as JSON). Raises Cancelled when `cancel`
        is set meanwhile (the worker is stopped), WorkerFailed when the worker dies or takes too long."""
        while not self._lock.acquire(timeout=0.1):
            if cancel is not None and cancel.is_set():
                raise Cancelled()
        try:
            for attempt in (1, 2):
                if self._proc is None or self._proc.poll() is not None:
                    self._stop_proc()
                    try:
                        self._start()
                    except OSError as exc:
                        raise WorkerFailed("read_engine_error", f"the reading worker could not start: {exc}")
                try:
                    return self._exchange(payload, cancel, timeout)
                except _IdleExit:
                    continue          # it left for idleness just as we asked: ask a new one, once
            raise WorkerFailed("read_engine_crashed", "the reading worker ended twice in a row")
        finally:
            self._lock.release()

    def _exchange(self, payload: dict, cancel, timeout: float) -> dict:
        proc, answers = self._proc, self._answers
        ident = next(self._ids)
        try:
            proc.stdin.write((json.dumps({**payload, "id": ident}, ensure_ascii=False) + "\n").encode("utf-8"))
            proc.stdin.flush()
        except (OSError, ValueError):
            return self._ended(proc)
        deadline = time.monotonic() + timeout
        while True:
            if cancel is not None and cancel.is_set():
                self._stop_proc()
                raise Cancelled()
            try:
                raw = answers.get(timeout=0.05)
            except queue.Empty:
                if time.monotonic() > deadline:
                    self._stop_proc()
                    raise WorkerFailed("read_timeout", f"no answer in {int(timeout)} s")
                continue
            if raw is None:
                return self._ended(proc)
            try:
                answer = json.loads(raw)
            except ValueError:
                continue              # not ours (cannot happen: stdout is the protocol only); skip
            if answer.get("id") != ident:
                continue              # an answer to a request given up earlier
            if "error" in answer:
                raise WorkerFailed(answer.get("reason") or "read_error", answer["error"])
            return answer["reading"]

    def _ended(self, proc):
        try:
            code = proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            code = None
        self._stop_proc()
        if code == IDLE_EXIT:
            raise _IdleExit()
        raise WorkerFailed("read_engine_crashed", f"exit code {code}")


class _IdleExit(Exception):
    pass


_shared: ReaderProcess | None = None
_shared_lock = threading.Lock()


def shared() -> ReaderProcess:
    """The process-wide worker client (the GUI's reader, exports and the CLI share one worker)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = ReaderProcess()
        return _shared


def shutdown() -> None:
    """Stop the shared worker (app exit, tests)."""
    with _shared_lock:
        if _shared is not None:
            _shared.close()


import atexit  # noqa: E402

atexit.register(shutdown)
