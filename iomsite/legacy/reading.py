"""Files to parsed pages, for the importer: one at a time, or for a long run in
a process of its own, so that parsing the next pages overlaps with writing
this one (parsing is about a fifth of an import's time). Nothing here touches
Django: the parsing process imports the parser alone."""

import multiprocessing
import os
import traceback
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import batched
from pathlib import Path

from .parsing import parse_page
from .records import LegacyPage, LegacyParseError

# Below this many files a parsing process costs more (its start) than it saves.
PARALLEL_FROM = 64
CHUNK = 16
# Chunks parsed ahead of the writer: enough to keep both busy, few enough that
# memory stays flat however long the run.
CHUNKS_AHEAD = 4


class ParserCrashed(Exception):
    """The parser failed on a page with an error of its own (a bug, not a bad
    page); ``traceback`` is where, as the parsing process printed it."""

    def __init__(self, message, traceback_text):
        super().__init__(message)
        self.traceback = traceback_text


def read_page(path, max_bytes, chrome=frozenset()):
    """The parsed page at ``path``; ``LegacyParseError`` for a file that is
    not an old page, or too large, or not a file at all."""
    path = Path(path)
    if not path.is_file():
        raise LegacyParseError(f"not a file: {path}")
    size = path.stat().st_size
    if size > max_bytes:
        raise LegacyParseError(
            f"file is {size:,} bytes, over the {max_bytes:,}-byte limit"
        )
    data = path.read_bytes()
    try:
        return parse_page(data, filename=path.name, chrome=chrome)
    except RecursionError:
        # Markup nested thousands deep: no page of the old site is.
        raise LegacyParseError("the page's markup is nested too deeply") from None


def parser_processes():
    """One process parses beside the writer when there is a core for it: the
    writer is the slower of the two, so more would only wait."""
    return 1 if (os.cpu_count() or 1) > 1 else 0


def read_pages(paths, *, max_bytes, processes=None, chrome=frozenset()):
    """``(path, page)`` for each of ``paths`` in order, where ``page()`` returns
    the parsed page or raises what ``read_page`` raised (``ParserCrashed`` for
    an error of the parser's own)."""
    paths = list(paths)
    if processes is None:
        processes = parser_processes() if len(paths) >= PARALLEL_FROM else 0
    if not processes:
        for path in paths:
            yield path, lambda path=path: read_page(path, max_bytes, chrome)
        return
    # spawn: the parsing process starts clean, without the database connections
    # and threads of the Django process a fork would copy.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=context) as pool:
        chunks = iter(batched(paths, CHUNK))
        pending = deque()

        def submit_next():
            chunk = next(chunks, None)
            if chunk is not None:
                pending.append(
                    (chunk, pool.submit(read_chunk, chunk, max_bytes, chrome))
                )

        for _ in range(CHUNKS_AHEAD):
            submit_next()
        while pending:
            chunk, future = pending.popleft()
            submit_next()
            for path, outcome in zip(chunk, future.result(), strict=True):
                yield path, outcome.page


def read_chunk(paths, max_bytes, chrome=frozenset()):
    """What the parsing process sends back: an outcome for each path. Errors
    travel as their message: an exception of any kind would not always come
    back whole through pickling."""
    outcomes = []
    for path in paths:
        try:
            outcomes.append(Outcome(parsed=read_page(path, max_bytes, chrome)))
        except (LegacyParseError, OSError) as error:
            outcomes.append(Outcome(refusal=str(error)))
        except Exception as error:
            message = f"{type(error).__name__}: {error}".splitlines()[0]
            outcomes.append(Outcome(crash=(message, traceback.format_exc())))
    return outcomes


@dataclass
class Outcome:
    parsed: LegacyPage | None = None
    refusal: str | None = None
    crash: tuple[str, str] | None = None

    def page(self):
        if self.refusal is not None:
            raise LegacyParseError(self.refusal)
        if self.crash is not None:
            raise ParserCrashed(*self.crash)
        return self.parsed
