"""A small timing harness: whole processes, medians of several runs, peak RSS.

Absolute times drift on a shared machine, so every figure is meant to be read next to
another one measured in the same run (a ratio).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Timing:
    """The median and spread of several runs, in seconds, and the peak RSS in MB."""

    median: float
    low: float
    high: float
    peak_rss_mb: float | None = None

    def ms(self) -> str:
        return f"{self.median * 1e3:,.0f} ms"

    def spread(self) -> str:
        """The fastest and the slowest run: `265–314 ms`."""
        return f"{self.low * 1e3:,.0f}–{self.high * 1e3:,.0f} ms"


def ratio(numerator: Timing, denominator: Timing) -> float:
    return numerator.median / denominator.median if denominator.median else float("inf")


def summarize(samples: Sequence[float], peak_rss_mb: float | None = None) -> Timing:
    return Timing(statistics.median(samples), min(samples), max(samples), peak_rss_mb)


def time_process(command: Sequence[str], runs: int, *, rss: bool = True) -> Timing:
    """Run `command` `runs` times (stdout discarded): the median wall time, and one run's peak RSS."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True, env=_env())
        samples.append(time.perf_counter() - start)
    return summarize(samples, peak_rss_mb(command) if rss else None)


def peak_rss_mb(command: Sequence[str]) -> float:
    """Peak RSS of one run of `command`, from /usr/bin/time -v."""
    result = subprocess.run(
        ["/usr/bin/time", "-v", *command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env()
    )
    return rss_from_time_output(result.stderr)


def rss_from_time_output(text: str) -> float:
    """The "Maximum resident set size" of /usr/bin/time -v output, in MB (nan when absent)."""
    for line in text.splitlines():
        if "Maximum resident set size" in line:
            return int(line.rsplit(":", 1)[1]) / 1024
    return float("nan")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    return env


class ReportLike(Protocol):
    """What a section writes to: `benchmarks.run.Report`, or `PrintReport` for a section run alone."""

    def add(self, text: str = "") -> None: ...

    def table(self, header: list[str], rows: list[list[str]]) -> None: ...


class PrintReport:
    """A report printed as it is written (markdown on stdout)."""

    def add(self, text: str = "") -> None:
        print(text)

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join("---" for _ in header) + "|")
        for row in rows:
            print("| " + " | ".join(row) + " |")
        print()
