#!/usr/bin/env python3
"""Per-query cost of Tantivy's own Python binding on the shipped page, against the whole
scs-bot process answering the same questions piped into its console.

Both sides see the same sections (the page split at its headings) and the same 114 questions
of tests/eval/questions.toml, repeated ROUNDS times. The Python side times only
`searcher.search` + reading the top 3 documents (index built once, outside the timing); the
scs-bot side times the whole process (start, load, open the index, answer every line, render
it as text), so its per-answer figure is an upper bound. Needs `pip install tantivy`.

Usage: scripts/compare_python.py [path/to/scs-bot] [ROUNDS]
"""
import re, statistics, subprocess, sys, time, tomllib, tempfile, os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/scs-bot")
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 20

import tantivy

questions = [q["text"] for q in tomllib.load(open(os.path.join(ROOT, "tests/eval/questions.toml"), "rb"))["question"]]
page = open(os.path.join(ROOT, "content/en/network.md"), encoding="utf-8").read()
body = page.split("---", 2)[2] if page.startswith("---") else page
sections = [s for s in re.split(r"^#+ .*$", body, flags=re.M)]
headings = [""] + re.findall(r"^#+ (.*)$", body, flags=re.M)

schema = tantivy.SchemaBuilder().add_text_field("heading", stored=True, tokenizer_name="en_stem") \
    .add_text_field("body", stored=True, tokenizer_name="en_stem").build()
index = tantivy.Index(schema)
writer = index.writer()
for h, s in zip(headings, sections):
    writer.add_document(tantivy.Document(heading=h, body=s))
writer.commit()
index.reload()
searcher = index.searcher()

def clean(q):  # the query language would reject some questions; keep words only
    return " ".join(re.findall(r"\w+", q)) or "x"

parsed = [index.parse_query(clean(q), ["heading", "body"]) for q in questions]
for q in parsed:  # warm up
    searcher.search(q, 3)
times = []
for _ in range(ROUNDS):
    for q in parsed:
        t = time.perf_counter()
        for _, addr in searcher.search(q, 3).hits:
            searcher.doc(addr)
        times.append(time.perf_counter() - t)
py = statistics.median(times) * 1e6

with tempfile.TemporaryDirectory() as index_dir:
    lines = ("\n".join(questions * ROUNDS) + "\n").encode()
    cmd = [BOT, "--config", os.path.join(ROOT, "config.toml"), "--index", index_dir, "console"]
    subprocess.run(cmd, input=b"/join\n", capture_output=True, check=True)  # build the index
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run(cmd, input=lines, capture_output=True, check=True)
        runs.append(time.perf_counter() - t)
    bot = min(runs) / (len(questions) * ROUNDS) * 1e6

print(f"tantivy-py search+3 docs, median per query: {py:.1f} µs")
print(f"scs-bot console, whole process per answer:  {bot:.1f} µs ({len(questions) * ROUNDS} answers, best of 5)")
print(f"ratio scs-bot / tantivy-py: {bot / py:.2f}")
