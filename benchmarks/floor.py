"""The speed floor of spaCy's own components: bare ``blank("nl")`` tokenizer against
``blank("nl")`` + sentencizer + lookup lemmatizer, over the first 4,000 stories of a benchmark
corpus read by ``bench.py`` (``stories.jsonl``). Shows how much of issue 10's ratio target is
left before any klantverhaal rule runs.

    python benchmarks/floor.py /tmp/klantverhaal-bench-XXXX/stories.jsonl
"""

import itertools
import json
import sys
import time

import spacy


def main() -> None:
    path = sys.argv[1]
    with open(path, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in itertools.islice(handle, 4000)]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.blank("nl")
    lemma = spacy.blank("nl")
    lemma.add_pipe("sentencizer")
    lemma.add_pipe("lemmatizer", config={"mode": "lookup"})
    lemma.initialize()
    for name, nlp in (("bare tokenizer", bare), ("bare tokenizer (warm)", bare),
                      ("sentencizer + lookup lemmatizer", lemma), ("sentencizer + lookup lemmatizer (warm)", lemma)):
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        print(f"{name:40s} {words / (time.perf_counter() - start):>12,.0f} words/s")


if __name__ == "__main__":
    main()
