"""Item keywords ranked in a helper process while a build reads its catalogs.

The build's main thread is its critical path, and jieba costs it ~1.5 s to load (the
legal dictionary and TF-IDF tables) before the first keyword. A helper process
(`python -m kg.textsearch.rank_helper`) loads it on the other core from the start and ranks
each new item text as each catalog is read; once the catalogs are read the build collects
the words and loads the keyword statements while it extracts citations. It is a plain
subprocess, not multiprocessing, whose spawning re-runs the caller's main script when that
lacks a `__main__` guard. Small builds, processes that have loaded jieba already, and a
build whose helper fails for any reason rank in process: the words are the same either way.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import site
import subprocess
import sys
import threading
from collections.abc import Iterable
from pathlib import Path

from kg.textsearch import keywords as kw

# Input bytes from which a helper process pays off (~5,000 items of a typical catalog).
HELPER_FROM_BYTES = 5_000_000
# How long a build waits for the helper's words before ranking in process instead: a minute
# for jieba to load, then far more per text than TF-IDF takes.
HELPER_WAIT_SECONDS = 60.0
HELPER_WAIT_PER_TEXT = 0.005
PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # the folder holding the kg package


class KeywordRanker:
    """Ranked words of a build's item texts: made before reading, given each catalog's
    texts as it is read (`add`), asked for every text's words at the end (`ranked`)."""

    def __init__(self, top: int, helper: bool) -> None:
        self.top = top
        self._texts: dict[str, None] = {}  # distinct texts, in the order first seen
        self._proc = _start_helper(top) if helper else None
        self._batches: queue.SimpleQueue[list[str] | None] = queue.SimpleQueue()
        self._writer: threading.Thread | None = None
        if self._proc is not None:
            # A thread feeds the helper: it reads only once jieba is loaded, and a full pipe
            # must block this thread, never the build.
            self._writer = threading.Thread(target=self._feed, args=(self._proc,), daemon=True)
            self._writer.start()

    @classmethod
    def for_build(cls, paths: Iterable[Path | str], top: int) -> KeywordRanker:
        """A ranker with a helper process when the catalogs are big enough to pay for it."""
        size = 0
        for path in paths:
            try:
                size += Path(path).stat().st_size
            except OSError:  # the reader reports a missing file, with its name
                continue
        return cls(top, helper=not kw.extractor_loaded() and size >= HELPER_FROM_BYTES)

    def add(self, texts: Iterable[str]) -> None:
        """Texts to rank (repeats are ranked once)."""
        new = [t for t in dict.fromkeys(texts) if t not in self._texts]
        self._texts.update(dict.fromkeys(new))
        if new and self._writer is not None:
            self._batches.put(new)

    def ranked(self) -> dict[str, tuple[str, ...]]:
        """text -> its ranked words, for every text added; ranked in process when there is
        no (working) helper."""
        answer = self._collect()
        if answer is not None and answer.keys() == self._texts.keys():
            return {text: tuple(words) for text, words in answer.items()}
        return kw.ranked_words(self._texts, self.top)

    def close(self) -> None:
        """Stop the helper (a build calls this whatever happened)."""
        if self._writer is not None:
            self._batches.put(None)
        proc, self._proc = self._proc, None
        if proc is not None:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            with contextlib.suppress(OSError):
                proc.stdout.close()

    def _feed(self, proc: subprocess.Popen) -> None:
        # ASCII JSON: any text crosses, lone surrogates included.
        try:
            while (batch := self._batches.get()) is not None:
                proc.stdin.write(json.dumps(batch).encode("ascii") + b"\n")
                proc.stdin.flush()
        except (OSError, ValueError):  # the helper is gone: ranked() falls back
            pass
        finally:
            with contextlib.suppress(OSError):
                proc.stdin.close()  # the helper answers at the end of its input

    def _collect(self) -> dict[str, list[str]] | None:
        """The helper's answer, or None if it failed or took too long (it is stopped)."""
        proc, writer = self._proc, self._writer
        if proc is None or writer is None:
            return None
        self._batches.put(None)
        deadline = HELPER_WAIT_SECONDS + HELPER_WAIT_PER_TEXT * len(self._texts)
        out: list[bytes] = []
        reader = threading.Thread(target=lambda: out.append(proc.stdout.read()), daemon=True)
        reader.start()
        reader.join(deadline)  # a stuck helper must not hang the build
        if reader.is_alive():
            proc.kill()  # ends the reader (and a writer blocked on a full pipe)
            reader.join()
        writer.join()
        self._writer = None
        self.close()
        if not out or proc.returncode != 0:
            return None
        try:
            return json.loads(out[0])
        except ValueError:
            return None


def _start_helper(top: int) -> subprocess.Popen | None:
    # -P: the working folder must not shadow kg or jieba. An uninstalled checkout (tests,
    # benchmarks) is put on the path; an installed kg is found where it is installed.
    env = dict(os.environ)
    if not _installed():
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PACKAGE_ROOT), env.get("PYTHONPATH")]))
    try:
        return subprocess.Popen(
            [sys.executable, "-P", "-m", "kg.textsearch.rank_helper", str(top)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
    except OSError:  # no helper to be had: rank in process
        return None


def _installed() -> bool:
    """True when kg lives in a site-packages folder (putting that first would shadow the
    standard library)."""
    folders = {Path(p).resolve() for p in [*site.getsitepackages(), site.getusersitepackages()]}
    return PACKAGE_ROOT in folders
