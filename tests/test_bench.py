"""The pure helpers of bench/: the benchmarks themselves are not run here."""

import math

import pytest

from bench.load import parse_wrk
from bench.stats import LoadResult, combine, percentile, ratio

WRK_OUTPUT = """\
Running 5s test @ http://127.0.0.1:8001/news/
  2 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.10ms    1.00ms  20.00ms   90.00%
    Req/Sec     1.20k   100.00     1.40k    70.00%
  Latency Distribution
     50%  850.00us
     75%    2.30ms
     90%    2.80ms
     99%    1.20s
  12000 requests in 5.00s, 100.00MB read
  Socket errors: connect 1, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 4
Requests/sec:   2400.00
Transfer/sec:     20.00MB
"""


def test_percentile_interpolates_between_ranks():
    samples = [4, 1, 3, 2]
    assert percentile(samples, 0) == 1
    assert percentile(samples, 0.5) == 2.5
    assert percentile(samples, 1) == 4
    assert percentile(list(range(1, 101)), 0.99) == pytest.approx(99.01)
    assert percentile([7], 0.99) == 7


@pytest.mark.parametrize("samples, fraction", [([], 0.5), ([1], 1.5), ([1], -0.1)])
def test_percentile_refuses_nonsense(samples, fraction):
    with pytest.raises(ValueError):
        percentile(samples, fraction)


def test_load_result_from_latencies():
    result = LoadResult.from_latencies([1.0, 2.0, 3.0, 4.0], errors=1, seconds=2.0)
    assert (result.requests, result.errors) == (4, 1)
    assert result.requests_per_second == 2.0
    assert result.p50_ms == 2.5
    assert result.p99_ms == pytest.approx(3.97)
    empty = LoadResult.from_latencies([], errors=3, seconds=1.0)
    assert (empty.requests, empty.errors, math.isnan(empty.p50_ms)) == (0, 3, True)


def test_combine_adds_counts_and_takes_the_median_latency():
    runs = [
        LoadResult(100, 0, 1.0, 1.0, 5.0),
        LoadResult(300, 2, 1.0, 3.0, 9.0),
        LoadResult(200, 1, 2.0, 2.0, 7.0),
    ]
    assert combine(runs) == LoadResult(600, 3, 4.0, 2.0, 7.0)


def test_ratio():
    assert ratio(70, 100) == 0.7
    assert math.isnan(ratio(70, 0))


def test_parse_wrk_reads_requests_latency_and_errors():
    assert parse_wrk(WRK_OUTPUT) == LoadResult(
        requests=12000, errors=10, seconds=5.0, p50_ms=0.85, p99_ms=1200.0
    )


def test_parse_wrk_without_errors():
    output = WRK_OUTPUT.replace(
        "  Socket errors: connect 1, read 2, write 0, timeout 3\n", ""
    ).replace("  Non-2xx or 3xx responses: 4\n", "")
    assert parse_wrk(output).errors == 0


def test_parse_wrk_refuses_other_text():
    with pytest.raises(ValueError, match="Cannot read wrk's output"):
        parse_wrk("unable to connect to 127.0.0.1:1 Connection refused")
