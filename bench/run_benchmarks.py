#!/usr/bin/env python3
"""Runs every benchmark of bench/ and prints one table: benchmark, measured, target, pass/fail.

  make -f Makefile.viz bench                 (the Release build in build/)
  python3 bench/run_benchmarks.py --build build [--articles 100000] [--work DIR] [--only NAME]
      [--chrono-modules DIR]     (a node_modules folder with chrono-node: its speed on the same
                                 text as annotate_bench, for comparison)

The synthetic corpus (bench/synth) and its graph.json are made once in the work folder
(default: BUILD/bench-work) and reused by later runs. A benchmark whose program is not built
is listed as "not built". To add one: one line in BENCHMARKS. Any line it prints with
"(target <= N unit)" or "(target >= N unit)" becomes a row by itself (the figure is the last
"N unit" before it); figures printed without a target are named in the line's FIGURES.
"""

import argparse
import datetime
import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class Figure:
    """A figure of a benchmark's output: its name in the table, a regular expression whose first
    group is the number, its unit, and its target ("<= 60", ">= 20") or None."""

    def __init__(self, name, pattern, unit, target=None):
        self.name, self.pattern, self.unit, self.target = name, re.compile(pattern, re.M), unit, target


def figures(*items):
    return [Figure(*item) for item in items]


# The figures each benchmark prints without a target of its own (the targets are the issues').
ANNOTATE = figures(
    ("annotate, temporal only, one core", r"\(ingest \+ temporal\): ([\d.]+) MB/s", "MB/s",
     ">= 50"),
    ("annotate with extraction, one core", r"\+ extraction\): ([\d.]+) MB/s", "MB/s", ">= 20"),
    ("annotate peak memory", r"\+ extraction\).*peak memory (\d+) MB", "MB"))
BUILD = figures(
    ("build throughput", r"([\d.]+) articles/s", "articles/s", ">= {min_rate}"))
QUERY = figures(
    ("query: load graph.json", r"^load \(graph\.json\): ([\d.]+) s", "s", "<= 5"),
    ("query: events by actor and dates, p50", r"^events by actor and date range: p50 ([\d.]+) ms",
     "ms"),
    ("query: events by actor and dates, p99", r"^events by actor and date range: .*?p99 ([\d.]+) ms",
     "ms", "<= 10"),
    ("query: path between two actors, p50", r"^path between two actors: p50 ([\d.]+) ms", "ms"),
    ("query: path between two actors, p99", r"^path between two actors: .*?p99 ([\d.]+) ms", "ms",
     "<= 100"))
RENDER = figures(
    ("render: default caps, whole graph, timeline", r"^default caps.*timeline ([\d.]+) s", "s"))

# One line per benchmark: the program in BUILD/bench, its arguments ({corpus}, {graph} and
# {articles} are filled in), and the figures it prints without a target.
BENCHMARKS = [
    ("annotate_bench", "--stage all --runs 5 --mb 30", ANNOTATE),
    ("build_bench", "--articles {articles} --corpus {corpus} --runs 1", BUILD),
    ("render_bench", "--graph {graph} --runs 5", RENDER),
    ("query_bench", "--graph {graph} --runs 5 --load-runs 3 --paths 200", QUERY),
]

TARGET = re.compile(r"\(target\s+(?:\w+\s+)?(<=|>=)\s*([\d,.]+)\s*([^)\s,]*)")
NUMBER_UNIT = r"([\d.]+)\s*{}(?![\w/])"


def run(cmd, **kw):
    print("$ " + " ".join(str(c) for c in cmd), file=sys.stderr, flush=True)
    return subprocess.run([str(c) for c in cmd], **kw)


class Inputs:
    """The synthetic corpus and its graph.json, made on first need and kept in the work folder."""

    def __init__(self, build, work, articles):
        self.build, self.work, self.articles = build, work, articles

    def corpus(self):
        folder = self.work / f"synth{self.articles}"
        if not (folder / "manifest.yaml").exists():
            run([self.build / "bench" / "synth_articles", "--articles", self.articles,
                 "--out", folder], check=True)
        return folder

    def graph(self):
        out = self.work / f"out{self.articles}"
        if not (out / "graph.json").exists():
            corpus = self.corpus()
            run([self.build / "dateline", "--gazetteer", corpus / "gazetteer.yaml", "build", corpus,
                 "--manifest", corpus / "manifest.yaml", "-o", out], check=True,
                stderr=subprocess.DEVNULL)
        return out / "graph.json"

    def fill(self, args):
        values = {"articles": str(self.articles)}
        for key, make in (("corpus", self.corpus), ("graph", self.graph)):
            if "{" + key + "}" in args:
                values[key] = str(make())
        return [a.format(**values) for a in args.split()]


def check(measured, target, params):
    """"pass" or "FAIL" for a figure against a target like "<= 5"; "" without a target."""
    if not target:
        return ""
    op, value = target.format(**params).split()
    value = float(value.replace(",", ""))
    return "pass" if (measured <= value if op == "<=" else measured >= value) else "FAIL"


def rows_of(name, output, own, params):
    """Table rows from a benchmark's standard output: one for every line that states a target,
    then its named figures."""
    rows = []
    for line in output.splitlines():
        t = TARGET.search(line)
        if not t:
            continue
        op, value, unit = t.groups()
        before = line[:t.start()]
        found = list(re.finditer(NUMBER_UNIT.format(re.escape(unit)), before))
        # The words before the figure: "graph.json 120 MB loads in", "build", or with a colon
        # the words on both sides of it ("default caps ...: relationship diagram").
        head = before[:found[-1].start()] if found else before
        label = ", ".join(p.strip() for p in head.split(":", 1) if p.strip())
        label = re.sub(r"\s*\([^)]*\d[^)]*\)", "", re.sub(r"\s+", " ", label)).strip()[:70]
        if not found:
            rows.append((name, label, "not found", f"{op} {value} {unit}", "FAIL"))
            continue
        measured = float(found[-1].group(1))
        rows.append((name, label, f"{found[-1].group(1)} {unit}", f"{op} {value} {unit}",
                     check(measured, f"{op} {value}", params)))
    for f in own:
        m = f.pattern.search(output)
        target = f"{f.target} {f.unit}".format(**params) if f.target else "—"
        if not m:
            rows.append((name, f.name, "not found", target, "FAIL"))
            continue
        rows.append((name, f.name, f"{m.group(1)} {f.unit}", target,
                     check(float(m.group(1)), f.target, params)))
    return rows


def chrono_rows(build, work, modules):
    """chrono-node (../shared/eval/chrono_speed.js) on the text annotate_bench reads, for the side
    by side the temporal issue asks for; a row that says why when node or chrono-node is missing."""
    script = ROOT.parent / "shared" / "eval" / "chrono_speed.js"
    name = "chrono_speed.js"
    label = "chrono-node on the same text, one core (for comparison)"
    env = dict(os.environ)
    if modules:
        env["NODE_PATH"] = str(modules)
    probe = subprocess.run(["node", "-e", "require('chrono-node')"], env=env,
                           capture_output=True) if shutil.which("node") else None
    if not script.exists() or probe is None or probe.returncode != 0:
        why = "not run: needs node, chrono-node (npm install chrono-node; --chrono-modules DIR)"
        return [(name, label, why, "", "")]
    text = work / "annotate-text.txt"
    if not text.exists():
        run([build / "bench" / "annotate_bench", "--stage", "temporal", "--runs", "1", "--mb", "20",
             "--dump", text], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rates = []
    for _ in range(3):
        r = run(["node", script, text], env=env, stdout=subprocess.PIPE, text=True)
        m = re.search(r"= ([\d.]+) MB/s", r.stdout)
        if r.returncode != 0 or not m:
            return [(name, label, f"failed (exit {r.returncode})", "", "")]
        rates.append(float(m.group(1)))
    return [(name, label + ", median of 3", f"{sorted(rates)[1]:.1f} MB/s", "—", "")]


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
        mem = f"{mem / 2**20:.0f} GB"
    except OSError:
        mem = "? GB"
    return f"{cpu}, {os.cpu_count()} cores, {mem}, {platform.system()} {platform.release()}"


def build_type(build):
    try:
        text = (build / "CMakeCache.txt").read_text()
        return re.search(r"^CMAKE_BUILD_TYPE:\w+=(.*)$", text, re.M).group(1) or "default"
    except (OSError, AttributeError):
        return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", type=Path, default=ROOT / "build")
    parser.add_argument("--articles", type=int, default=100000,
                        help="articles of the synthetic corpus (the targets are for 100,000)")
    parser.add_argument("--work", type=Path, help="where the corpus and graph are kept")
    parser.add_argument("--only", default="", help="comma-separated benchmark names")
    parser.add_argument("--chrono-modules", type=Path,
                        help="a node_modules folder holding chrono-node (else NODE_PATH)")
    args = parser.parse_args()
    build = args.build.resolve()
    work = (args.work or build / "bench-work").resolve()
    work.mkdir(parents=True, exist_ok=True)
    inputs = Inputs(build, work, args.articles)
    params = {"min_rate": f"{args.articles / 60:.0f}"}  # build: the articles in 60 s

    rows = []
    only = [n for n in args.only.split(",") if n]
    for name, arguments, own in BENCHMARKS:
        if only and name not in only:
            continue
        program = build / "bench" / name
        if not program.exists():
            rows.append((name, "—", "not built", "", ""))
            continue
        r = run([program, *inputs.fill(arguments)], stdout=subprocess.PIPE, text=True)
        sys.stderr.write(r.stdout)
        if r.returncode != 0:
            rows.append((name, "—", f"failed (exit {r.returncode})", "", "FAIL"))
            continue
        rows.extend(rows_of(name, r.stdout, own, params))
    if not only or "chrono" in only:
        rows.extend(chrono_rows(build, work, args.chrono_modules))

    print(f"Machine: {machine()}; build: {build.name} ({build_type(build)}); "
          f"{datetime.date.today().isoformat()}; synthetic corpus of {args.articles:,} articles\n")
    print("| benchmark | figure | measured | target | result |")
    print("|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(str(v) for v in r) + " |")
    return 1 if any(r[-1] == "FAIL" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
