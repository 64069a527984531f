"""When a process started: with its id, this tells one run of PiP Writer from any later process
that happens to get the same id (after a crash, or a power cut and a restart, Windows in
particular hands the same numbers out again).

``process_start_time(pid)`` is in seconds since the epoch, or None when the process is not
running or this computer cannot say. Linux reads /proc, Windows asks GetProcessTimes and macOS
asks ``ps``; anything unexpected gives None, and the caller falls back to "is the id in use".

On Linux that time is worked out from the boot time, which moves whenever the clock is set (a
time server correcting it, a virtual machine resumed, a laptop waking). A process read twice
could then seem to have started minutes apart, and a running window be taken for a crashed
one. So Linux also gives ``process_key(pid)``: this boot's id and the clock ticks since boot
when the process started, which no clock setting changes. Where a key was recorded and can be
read again it decides; the start time is the fallback (older files, other systems).
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import time

log = logging.getLogger(__name__)

SAME_PROCESS_SECONDS = 2.0      # start times read twice for one process agree within this


def _linux_stat(pid: int) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return None
    return text[text.rfind(")") + 2:].split()       # from field 3 (state) on


def is_zombie(pid: int) -> bool:
    """A process that has ended but not been reaped yet (Linux): it is not running."""
    fields = _linux_stat(pid) if sys.platform.startswith("linux") else None
    return fields is not None and bool(fields) and fields[0] in ("Z", "X")


def _linux_ticks(pid: int) -> int | None:
    """Clock ticks from boot to the process's start (field 22 of /proc/<pid>/stat)."""
    fields = _linux_stat(pid)
    if not fields or len(fields) < 20 or fields[0] in ("Z", "X"):
        return None
    try:
        return int(fields[19])
    except ValueError:
        return None


def _boot_time() -> float:
    """When this computer started, as the clock now reckons it (moves when the clock is set)."""
    with open("/proc/stat", encoding="ascii") as handle:
        return next(int(line.split()[1]) for line in handle if line.startswith("btime "))


def _linux_start(pid: int) -> float | None:
    ticks = _linux_ticks(pid)
    if ticks is None:
        return None
    try:
        return _boot_time() + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, StopIteration):
        return None


@functools.cache
def _boot_id() -> str | None:
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as handle:
            return handle.read().strip() or None
    except OSError:
        return None


def process_key(pid: int) -> str | None:
    """A mark of one process that no clock setting changes (Linux: boot id and start ticks), or
    None where there is none (other systems, or the process is not running)."""
    if not sys.platform.startswith("linux") or not isinstance(pid, int) or pid <= 0:
        return None
    boot, ticks = _boot_id(), _linux_ticks(pid)
    return None if boot is None or ticks is None else f"{boot}/{ticks}"


def _windows_start(pid: int) -> float | None:
    import ctypes
    from ctypes import wintypes
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]  # Windows only: the checker reads Linux's ctypes
    kernel32.OpenProcess.restype = wintypes.HANDLE
    handle = kernel32.OpenProcess(0x1000, False, pid)   # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return None
    try:
        times = [wintypes.FILETIME() for _ in range(4)]
        if not kernel32.GetProcessTimes(handle, *[ctypes.byref(t) for t in times]):
            return None
        created = (times[0].dwHighDateTime << 32) | times[0].dwLowDateTime
        return created / 10_000_000 - 11_644_473_600    # 100 ns ticks since 1601
    finally:
        kernel32.CloseHandle(handle)


def _mac_start(pid: int) -> float | None:
    import subprocess  # macOS only: not imported on the other systems
    result = subprocess.run(["ps", "-o", "lstart=", "-p", str(pid)], capture_output=True,
                            text=True, timeout=5, env={**os.environ, "LC_ALL": "C"})
    text = result.stdout.strip()
    if result.returncode != 0 or not text:
        return None
    return time.mktime(time.strptime(text, "%a %b %d %H:%M:%S %Y"))


def process_start_time(pid: int) -> float | None:
    if not isinstance(pid, int) or pid <= 0:
        return None
    try:
        if sys.platform.startswith("linux"):
            return _linux_start(pid)
        if os.name == "nt":
            return _windows_start(pid)
        if sys.platform == "darwin":
            return _mac_start(pid)
    except Exception:  # noqa: BLE001 - unknown is an answer here
        log.info("could not tell when process %s started", pid, exc_info=True)
        return None
    return None


@functools.cache
def own_start_time() -> float | None:
    return process_start_time(os.getpid())


@functools.cache
def own_process_key() -> str | None:
    return process_key(os.getpid())


def same_process(pid: int, started: float | None, key: str | None = None) -> bool | None:
    """Whether ``pid`` is still the process that started at ``started`` (with ``key``, its
    :func:`process_key`): True, False, or None when it cannot be told (nothing recorded, or
    nothing readable now)."""
    if key is not None:
        now_key = process_key(pid)
        if now_key is not None:
            return now_key == key
    if started is None:
        return None
    now = process_start_time(pid)
    if now is None:
        return None
    return abs(now - started) < SAME_PROCESS_SECONDS
