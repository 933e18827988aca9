"""The helper process of kg.textsearch.background: `python -m kg.textsearch.rank_helper TOP`
loads jieba at once, then ranks the texts of each JSON list read on standard input (one
list a line) and, at the end of the input, writes {text: [words]} as JSON."""

from __future__ import annotations

import json
import sys

from kg.textsearch.keywords import load_extractor, ranked_words


def main() -> None:
    top = int(sys.argv[1])
    load_extractor()  # before the first texts arrive: this is the time the build saves
    answer: dict[str, tuple[str, ...]] = {}
    for line in sys.stdin.buffer:
        answer.update(ranked_words(json.loads(line), top))
    sys.stdout.buffer.write(json.dumps(answer).encode("ascii"))  # any text, as it came


if __name__ == "__main__":
    main()
