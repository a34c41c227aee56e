#!/usr/bin/env python3
"""Runs each libFuzzer target of a sanitizer build for a while, one after the other, and prints
one line per target: executions, executions per second, coverage, and whether it found anything.

  python3 tests/fuzz/run_fuzzers.py --build build-asan --seconds 60
  python3 tests/fuzz/run_fuzzers.py --build build-fuzz --runs 10000000 --short \
      --corpus fuzz-corpus      (make -f Makefile.viz fuzz-long: a faster build, shorter
                                 inputs, corpora kept so that a later run goes on from them)

Seeds come from the repository's own test data (and ../shared/seeds when it is there): they are
copied into a temporary folder at run time, never into the repository. What a target finds is
written next to the corpus as crash-*, timeout-*, leak-* or oom-* and the run exits with 1. An
input libFuzzer reports as slow or timed out (slow-unit-*, timeout-*) is run again alone and
counts only if it is still slow (over a second): libFuzzer's clock also runs while the process
is stopped or starved.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
HERE = Path(__file__).resolve().parent


def files(*patterns):
    out = []
    for pattern in patterns:
        base, glob = (SHARED, pattern[len("shared/"):]) if pattern.startswith("shared/") else (ROOT, pattern)
        out.extend(sorted(base.glob(glob)))
    return out


def corpus_rows():
    """The texts of the temporal example corpus (tests/corpus/temporal), one seed each."""
    rows = []
    for path in files("tests/corpus/temporal/*.yaml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"\s*- text:\s*(.*)$", line)
            if m:
                text = m.group(1).strip()
                if len(text) > 1 and text[0] == text[-1] and text[0] in "\"'":
                    text = text[1:-1]
                rows.append(text.encode("utf-8"))
    return rows


def graph_seeds(build, work):
    """graph.json files written by this build's own `dateline build`: the demo corpus and a few
    fixture articles, as written (a node a line) and re-indented (the other reader)."""
    out = []
    dateline = build / "dateline"
    inputs = [["data/articles", "--manifest", "data/articles/manifest.yaml"]]
    inputs += [[str(p)] for p in files("tests/fixtures/extraction/0[1-3]-*.txt")]
    # A graph of a few nodes, whole within the short -max_len of long campaigns.
    tiny = work / "tiny.txt"
    tiny.write_text("date 2026-03-02\n\nRussian President Vladimir Putin met Turkish President "
                    "Recep Tayyip Erdogan in Ankara on Sunday. \"We agreed on a ceasefire,\" "
                    "Putin said.\n", encoding="utf-8")
    inputs.append([str(tiny)])
    for k, args in enumerate(inputs):
        dest = work / f"graph-{k}"
        subprocess.run([str(dateline), "build", *args, "-o", str(dest)], cwd=ROOT,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        text = (dest / "graph.json").read_bytes()
        out.append(text)
        out.append(json.dumps(json.loads(text), indent=1).encode("utf-8"))
    return out


def repl_lines():
    """The query lines of the REPL transcripts (tests/repl/*.test), one seed each."""
    return [line[2:].encode("utf-8") for path in files("tests/repl/*.test")
            for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("> ")]


ARTICLES = ["data/articles/*.txt", "tests/fixtures/extraction/*.txt", "shared/seeds/*.txt"]

# target: (seed files, generated seeds, libFuzzer's -max_len, the -max_len of long campaigns
# (--short: shorter inputs run many times faster), dictionary); one line each.
TARGETS = {
    "fuzz_ingest": (ARTICLES + ["shared/corpora/timebank/ABC1998010*.tml"], None, 16384, 1024,
                    "news"),
    "fuzz_manifest": (["data/articles/manifest.yaml", "shared/seeds/manifest.yaml",
                       "tests/fixtures/extraction/gazetteer.yaml"], None, 8192, 8192, "news"),
    "fuzz_temporal": (ARTICLES, lambda build, work: corpus_rows(), 8192, 512, "news"),
    "fuzz_extract": (ARTICLES, lambda build, work: corpus_rows()[::8], 8192, 512, "news"),
    "fuzz_graph_json": ([], graph_seeds, 65536, 4096, "news"),
    "fuzz_query": ([], lambda build, work: repl_lines(), 1024, 1024, "query"),
}


def seed_folder(name, build, work):
    patterns, generate = TARGETS[name][:2]
    folder = work / f"seeds-{name}"
    folder.mkdir()
    for k, path in enumerate(files(*patterns)):
        shutil.copy(path, folder / f"{k:03}-{path.name}")
    if generate:
        for k, data in enumerate(generate(build, work)):
            (folder / f"gen-{k:04}").write_bytes(data)
    return folder


def stats_of(log):
    stat = dict(re.findall(r"^stat::(\w+):\s*(\d+)", log, re.M))
    cov = re.findall(r"\bcov: (\d+)", log)
    return {"runs": int(stat.get("number_of_executed_units", 0)),
            "per_sec": int(stat.get("average_exec_per_sec", 0)),
            "rss": int(stat.get("peak_rss_mb", 0)),
            "cov": int(cov[-1]) if cov else 0}


def run_one(name, binary, args, work, corpus_root):
    corpus = corpus_root / name
    corpus.mkdir(parents=True, exist_ok=True)
    seeds = seed_folder(name, args.build, work)
    artifacts = corpus_root / f"{name}-"
    max_len = args.max_len or TARGETS[name][3 if args.short else 2]
    # -entropic=0: libFuzzer's entropic scheduler spent most of the time of the targets with many
    # features (extraction: 63% in UpdateFeatureFrequency); without it they run 5 times faster.
    cmd = [str(binary), str(corpus), str(seeds), f"-max_len={max_len}", "-entropic=0",
           f"-timeout={args.timeout}", "-rss_limit_mb=2560", "-print_final_stats=1",
           f"-artifact_prefix={artifacts}", f"-dict={HERE / (TARGETS[name][4] + '.dict')}"]
    if args.runs:
        cmd.append(f"-runs={args.runs}")
    if args.seconds or not args.runs:
        cmd.append(f"-max_total_time={args.seconds or 60}")
    log_path = corpus_root / f"{name}.log"
    started = time.time()
    with open(log_path, "w") as log:
        rc = subprocess.run(cmd, cwd=work, stdout=log, stderr=subprocess.STDOUT).returncode
    log = log_path.read_text(errors="replace")
    # What this run wrote (a kept corpus folder may hold older findings, reported before).
    new = sorted(p for p in corpus_root.glob(f"{name}-*")
                 if p.is_file() and p.stat().st_mtime >= started - 1)
    timed = (f"{name}-slow-unit-", f"{name}-timeout-")
    found = [str(p) for p in new if not p.name.startswith(timed)]
    for unit in (p for p in new if p.name.startswith(timed)):
        # libFuzzer reports an input that took over 10 s, and stops at one over -timeout; its
        # clock counts time the process was stopped or starved too, so the input is run again
        # alone: a finding only if it is still slow.
        seconds = rerun_seconds(binary, unit, work, args.timeout)
        if seconds is None or seconds >= 1:
            found.append(str(unit))
        print(f"{name}: {unit.name}: runs again in "
              f"{'over ' + str(args.timeout) if seconds is None else f'{seconds:.2f}'} s",
              flush=True)
    return rc, stats_of(log), found, log_path


def rerun_seconds(binary, unit, work, timeout):
    """Seconds the target takes on one input run alone, or None when it times out. An empty
    input goes first, so that the unit's time leaves out loading the data."""
    warm = work / "empty-input"
    warm.write_bytes(b"Warm up.\n")
    try:
        out = subprocess.run([str(binary), str(warm), str(unit)], cwd=work, capture_output=True,
                             text=True, errors="replace", timeout=timeout).stderr
    except subprocess.TimeoutExpired:
        return None
    m = re.search(r"Executed " + re.escape(str(unit)) + r" in (\d+) ms", out)
    return int(m.group(1)) / 1000 if m else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", type=Path, default=ROOT / "build-asan",
                        help="the sanitizer build folder (configured with -DDATELINE_FUZZ=ON)")
    parser.add_argument("--seconds", type=int, default=0,
                        help="seconds per target (default 60 unless --runs is given)")
    parser.add_argument("--runs", type=int, default=0,
                        help="executions per target (with --seconds, whichever comes first)")
    parser.add_argument("--max-len", type=int, default=0,
                        help="longest input for every target (default: each target's own)")
    parser.add_argument("--short", action="store_true",
                        help="each target's shorter -max_len for long campaigns")
    parser.add_argument("--timeout", type=int, default=25,
                        help="seconds one input may take before it counts as a hang")
    parser.add_argument("--targets", default="", help="comma-separated names (default: all)")
    parser.add_argument("--corpus", type=Path,
                        help="keep corpora, logs and findings here (default: a temporary folder)")
    args = parser.parse_args()
    args.build = args.build.resolve()

    wanted = [t for t in args.targets.split(",") if t] or list(TARGETS)
    failed = False
    rows = []
    with tempfile.TemporaryDirectory(prefix="dateline-fuzz-") as tmp:
        work = Path(tmp)
        corpus_root = (args.corpus or work / "corpus").resolve()
        corpus_root.mkdir(parents=True, exist_ok=True)
        for name in wanted:
            binary = args.build / "tests" / "fuzz" / name
            if not binary.exists():
                rows.append((name, "not built", "", "", "", ""))
                continue
            print(f"fuzzing {name} ...", flush=True)
            rc, s, found, log = run_one(name, binary, args, work, corpus_root)
            ok = rc == 0 and not found
            failed = failed or not ok
            rows.append((name, "ok" if ok else "FOUND", s["runs"], s["per_sec"], s["cov"], s["rss"]))
            if not ok:
                print(f"{name}: exit {rc}; findings: {' '.join(found) or 'none'}", file=sys.stderr)
                print(Path(log).read_text(errors="replace")[-6000:], file=sys.stderr)
                if not args.corpus:  # keep what was found: the temporary folder goes
                    keep = ROOT / "fuzz-findings"
                    keep.mkdir(exist_ok=True)
                    for f in found:
                        shutil.copy(f, keep)
                    print(f"findings copied to {keep}", file=sys.stderr)
    header = ("target", "result", "executions", "exec/s", "coverage", "peak MB")
    width = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    for r in [header] + rows:
        print("  ".join(str(v).rjust(w) if i >= 2 else str(v).ljust(w)
                        for i, (v, w) in enumerate(zip(r, width))))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
