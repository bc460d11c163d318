"""Progress on the terminal and the final table: pure text, no site."""

import sys
import time


class Progress:
    """One line a phase, rewritten in place on a terminal, at most twice a
    second; elsewhere a line when each phase ends."""

    def __init__(self, stream=sys.stderr):
        self.stream = stream
        self.tty = stream.isatty()
        self.last = 0.0

    def __call__(self, label, elapsed, total, events, *, done=False):
        now = time.monotonic()
        if not done and (not self.tty or now - self.last < 0.5):
            return
        self.last = now
        failed = sum(not event.ok for event in list(events))
        line = (
            f"  {label}: {elapsed:4.0f}/{total:.0f} s, {len(events)} requests, "
            f"{failed} failed"
        )
        if self.tty:
            self.stream.write(f"\r\033[K{line}" + ("\n" if done else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def log(self, text):
        print(text, file=self.stream, flush=True)


def table(rows):
    """The rows as a Markdown table (readable as text too)."""
    lines = [
        "| row | req/s | p50 ms | p99 ms | errors | outcome | ok |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for row in rows:
        load = row.load
        lines.append(
            f"| {row.name} | {load.requests_per_second:.0f} | {load.p50_ms:.1f} "
            f"| {load.p99_ms:.1f} | {load.errors} | {row.outcome} "
            f"| {'yes' if row.ok else 'NO'} |"
        )
    return "\n".join(lines)
