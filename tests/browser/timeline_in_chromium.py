#!/usr/bin/env python3
"""The demo timeline as a user sees it: headless Chromium opens render/out/timeline.svg, takes a
screenshot that must not be blank, and reports the text it rendered, which must hold the labels
of the graph's dated events.

Usage: timeline_in_chromium.py TIMELINE.svg GRAPH.json
Exit 0 on success, 1 on failure, 77 (ctest's SKIP_RETURN_CODE) when no Chromium is installed.
"""
import html
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import zlib

SKIP = 77
TIMEOUT = 90  # seconds for each browser run; the browser is killed after that
WINDOW = (1000, 700)

# The page that opens the SVG as a document of its own (as a browser tab would) and writes out
# each <text> element's content with the width the browser gave it.
PAGE = """<!DOCTYPE html>
<html><body>
<iframe id="svg" src="timeline.svg" width="1000" height="700"></iframe>
<pre id="out">no load event</pre>
<script>
document.getElementById('svg').addEventListener('load', function () {
  var doc = this.contentDocument;
  var out = {root: doc ? doc.documentElement.localName : null, texts: []};
  if (doc) doc.querySelectorAll('text').forEach(function (t) {
    out.texts.push({text: t.textContent, width: t.getComputedTextLength()});
  });
  document.getElementById('out').textContent = JSON.stringify(out);
});
</script>
</body></html>
"""


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_browser(chromium, profile, args):
    """Runs Chromium with a time limit; kills its whole process group if it hangs."""
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile] + args
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        fail("Chromium did not finish within %d s: %s" % (TIMEOUT, " ".join(args)))
    if proc.returncode != 0:
        fail("Chromium exited with %d: %s" % (proc.returncode, err.decode(errors="replace")[-2000:]))
    return out.decode("utf-8", errors="replace")


def png_pixels(data):
    """Width, height, channels and the unfiltered rows of an 8-bit RGB or RGBA PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("the screenshot is not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        fail("unexpected PNG format: depth %d, colour type %d" % (depth, colour))
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = row[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                row[i] = (row[i] + left) & 0xFF
            elif kind == 2:
                row[i] = (row[i] + up) & 0xFF
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                row[i] = (row[i] + pred) & 0xFF
        rows.append(bytes(row))
        previous = row
    return width, height, channels, rows


def check_screenshot(path):
    with open(path, "rb") as f:
        width, height, channels, rows = png_pixels(f.read())
    background = rows[0][:3]
    inked, colours = 0, set()
    for row in rows:
        for x in range(0, width * channels, channels):
            pixel = row[x:x + 3]
            if pixel != background:
                inked += 1
                colours.add(pixel)
    share = inked / float(width * height)
    print("screenshot: %dx%d, %.1f%% of pixels drawn, %d colours" % (width, height, 100 * share,
                                                                     len(colours)))
    if share < 0.02 or len(colours) < 4:
        fail("the screenshot is blank or nearly so")


def label_matches(shown, label):
    """A label as drawn: whole, or cut with an ellipsis."""
    if shown == label:
        return True
    return shown.endswith("\u2026") and len(shown) > 1 and label.startswith(shown[:-1].rstrip())


def check_text(dom, graph_path):
    found = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
    if not found:
        fail("the page has no result element")
    try:
        result = json.loads(html.unescape(found.group(1)))
    except ValueError:
        fail("the page's script did not run: " + found.group(1)[:200])
    if result.get("root") != "svg":
        fail("Chromium did not open the file as SVG (an XML error?): root %r" % result.get("root"))
    rendered = [t["text"] for t in result["texts"] if t["width"] > 0]
    unrendered = [t["text"] for t in result["texts"] if t["width"] <= 0 and t["text"].strip()]
    if unrendered:
        fail("text with no width: %r" % unrendered[:5])
    with open(graph_path, encoding="utf-8") as f:
        graph = json.load(f)
    dated = re.compile(r"^\d{4}-(\d{2}|W\d{2})")
    labels = sorted({e["label"].split(", not specified below")[0] for e in graph["events"]
                     if e["date"]["value"] and dated.match(e["date"]["value"])})
    missing = [l for l in labels if not any(label_matches(s, l) for s in rendered)]
    capped = any(s.startswith("Left out:") for s in rendered)
    print("text: %d elements rendered; %d event labels expected, %d missing%s" %
          (len(rendered), len(labels), len(missing), " (lanes capped)" if capped else ""))
    if not labels:
        fail("the graph has no dated event to look for")
    if missing and (not capped or len(missing) == len(labels)):
        fail("event labels not rendered: %r" % missing[:10])


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    svg, graph = sys.argv[1], sys.argv[2]
    chromium = find_chromium()
    if not chromium:
        print("SKIP: no chromium installed (apt-get install chromium)")
        return SKIP
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(svg, os.path.join(tmp, "timeline.svg"))
        with open(os.path.join(tmp, "page.html"), "w", encoding="utf-8") as f:
            f.write(PAGE)
        profile = os.path.join(tmp, "profile")
        shot = os.path.join(tmp, "shot.png")
        run_browser(chromium, profile, ["--window-size=%d,%d" % WINDOW, "--screenshot=" + shot,
                                        "file://" + os.path.join(tmp, "timeline.svg")])
        if not os.path.exists(shot):
            fail("Chromium wrote no screenshot")
        check_screenshot(shot)
        dom = run_browser(chromium, profile, ["--allow-file-access-from-files",
                                              "--virtual-time-budget=10000", "--dump-dom",
                                              "file://" + os.path.join(tmp, "page.html")])
        check_text(dom, graph)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
