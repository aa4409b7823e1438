"""CPU seconds used by this process's descendants, split into the app server and the browser.

A load run on one machine measures the machine: with 30 Chromium contexts and the app on 2 cores,
the settle time says little until one knows who used the CPU. Descendants are sampled from /proc
every `every` seconds (a renderer that exits between two samples loses at most that much), and
each is counted in the group its command line names.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK")


def _children() -> dict[int, int]:
    """pid → parent pid, for every process /proc lists."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # The command name may hold spaces and brackets: the fields start after the last ')'.
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def _descendants() -> set[int]:
    parents = _children()
    me = os.getpid()
    family, frontier = set(), {me}
    while frontier:
        family |= frontier
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - family
    return family - {me}


def _cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / _TICK  # utime + stime


def _group(pid: int) -> str:
    try:
        cmd = (
            Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        )
    except OSError:
        return "other"
    if "streamlit" in cmd:
        return "app server"
    if "chrom" in cmd:
        return "browser"
    return "other"


def _usage() -> dict[int, tuple[str, float]]:
    """pid → (group, CPU seconds so far) of every live descendant."""
    out: dict[int, tuple[str, float]] = {}
    for pid in _descendants():
        used = _cpu_seconds(pid)
        if used is not None:
            out[pid] = (_group(pid), used)
    return out


class DescendantCpu:
    """Start before the run, stop after it; `seconds()` is CPU time by group."""

    def __init__(self, every: float = 1.0) -> None:
        self.every = every
        self.last: dict[int, tuple[str, float]] = {}
        self.start_seconds: dict[int, float] = {}
        self._first = True
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        for pid, (group, used) in _usage().items():
            # A process already there at the start counts from then; a newer one from birth.
            self.start_seconds.setdefault(pid, used if self._first else 0.0)
            self.last[pid] = (group, used)
        self._first = False

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self._sample()

    def start(self) -> DescendantCpu:
        self._sample()
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._sample()

    def seconds(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for pid, (group, used) in self.last.items():
            out[group] = out.get(group, 0.0) + used - self.start_seconds.get(pid, 0.0)
        return out


def snapshot() -> dict[str, float]:
    """CPU seconds used so far by each group of this process's live descendants. The difference
    of two snapshots is what the group used in between, for processes alive at the second one
    (a process born in between counts from its birth)."""
    out: dict[str, float] = {}
    for group, used in _usage().values():
        out[group] = out.get(group, 0.0) + used
    return out


def used_between(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    return {g: max(0.0, after.get(g, 0.0) - before.get(g, 0.0)) for g in set(before) | set(after)}
