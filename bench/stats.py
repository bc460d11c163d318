"""Percentiles and load results: pure functions, tested in tests/test_bench.py."""

import math
import statistics
from dataclasses import dataclass


def percentile(samples, fraction):
    """The value below which ``fraction`` (0 to 1) of ``samples`` lie,
    interpolated linearly between the two closest ranks (numpy's default)."""
    if not samples:
        raise ValueError("percentile() needs at least one sample")
    if not 0 <= fraction <= 1:
        raise ValueError("fraction must be between 0 and 1")
    ordered = sorted(samples)
    position = (len(ordered) - 1) * fraction
    lower, upper = math.floor(position), math.ceil(position)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


@dataclass(frozen=True)
class LoadResult:
    """What one load run measured."""

    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def requests_per_second(self):
        return self.requests / self.seconds if self.seconds else 0.0

    @classmethod
    def from_latencies(cls, latencies_ms, errors, seconds):
        if not latencies_ms:
            return cls(0, errors, seconds, math.nan, math.nan)
        return cls(
            requests=len(latencies_ms),
            errors=errors,
            seconds=seconds,
            p50_ms=percentile(latencies_ms, 0.50),
            p99_ms=percentile(latencies_ms, 0.99),
        )


def combine(results):
    """Several runs of one target as one: requests, errors and time added up,
    latencies the median of the runs'."""
    return LoadResult(
        requests=sum(result.requests for result in results),
        errors=sum(result.errors for result in results),
        seconds=sum(result.seconds for result in results),
        p50_ms=statistics.median(result.p50_ms for result in results),
        p99_ms=statistics.median(result.p99_ms for result in results),
    )


def ratio(value, baseline):
    """``value`` as a fraction of ``baseline`` (NaN without a baseline)."""
    return value / baseline if baseline else math.nan
