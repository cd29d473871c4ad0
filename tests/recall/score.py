#!/usr/bin/env python3
"""Score dockvet against the hand-labelled docker-library/docs evaluation set.

Usage:
    python3 tests/recall/score.py --docs /path/to/docs --dockvet build/dockvet
                                  [--labels tests/recall/docs-labels.tsv]

What it does
------------
1. Reads the labels file (tab-separated; lines starting with ``#`` are
   comments; the first other line is the header ``file line image label
   reason``).  Each row is one command, keyed by the README path relative
   to the docs root and the 1-based line on which ``docker``/``podman``
   stands.  ``label`` is ``report``, ``silent`` or ``unclear``; ``unclear``
   rows are listed but left out of the score.
2. Runs ``dockvet --format json --no-fail`` once, on every ``*/README.md``
   directly under the docs root, and keeps the findings whose code is a
   stateful rule (``DV1`` followed by two digits).
3. Maps every finding to a labelled command, then counts:
   TP = ``report`` item with at least one finding,
   FN = ``report`` item without a finding,
   FP = ``silent`` item with at least one finding,
   TN = ``silent`` item without a finding.
   Several findings on one item count once.

How a finding is matched to a command
-------------------------------------
dockvet puts a finding on the token it is about (often the image name or a
``-v`` option), which may be on a continuation line of a command that
started further up.  The script therefore rebuilds each command's line
extent from the README itself:

* A *command start* is any line on which ``docker run``, ``docker create``,
  ``docker container run|create``, ``docker service create`` or
  ``podman run|create`` appears (the same pattern the labels were made
  from, anywhere on the line, so prompts like ``$ ``/``unix> `` and shell
  comments do not matter).
* The extent of a command that starts on line L runs from L down through
  every line that ends in a backslash (trailing blanks ignored) and the
  line after the last one, i.e. the shell's line continuation, but it
  stops before the next command start (so ``a \\ && docker run b``
  chains split into one item per ``docker run``).
* A finding on line F of file P belongs to the labelled item with the
  largest start line L <= F in P whose extent reaches F.  If the nearest
  command start at or above F is not labelled, or F lies outside its
  extent, the finding is *unlabelled*: it is printed in its own list so
  that nothing dockvet says about the docs goes unseen (findings of the
  Dockerfile rules DV12x inside ``dockerfile`` blocks land there too).

Exit status: 0 after a run (whatever the score), 2 when an input is
missing or unusable (docs dir, binary, labels file, unparseable dockvet
output).
"""

import argparse
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

COMMAND_RE = re.compile(
    r"\b(?:docker|podman)\s+(?:container\s+)?(?:run|create)\b"
    r"|\bdocker\s+service\s+create\b"
)
STATEFUL_CODE_RE = re.compile(r"^DV1\d\d$")
LABELS = ("report", "silent", "unclear")


def fail(message):
    print("score.py: " + message, file=sys.stderr)
    sys.exit(2)


def read_labels(path):
    items = {}
    header = None
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
                if header[:5] != ["file", "line", "image", "label", "reason"]:
                    fail("%s:%d: header must be file, line, image, label, reason" % (path, number))
                continue
            if len(fields) != 5:
                fail("%s:%d: expected 5 tab-separated fields, got %d" % (path, number, len(fields)))
            file_, line_no, image, label, reason = fields
            if label not in LABELS:
                fail("%s:%d: unknown label %r" % (path, number, label))
            try:
                key = (file_, int(line_no))
            except ValueError:
                fail("%s:%d: line is not a number: %r" % (path, number, line_no))
            if key in items:
                fail("%s:%d: duplicate item %s:%s" % (path, number, file_, line_no))
            items[key] = {"image": image, "label": label, "reason": reason}
    if header is None:
        fail("%s: no header line" % path)
    return items


def command_extents(text):
    """Map each command start line to the last line of its extent."""
    lines = text.split("\n")
    starts = [i + 1 for i, line in enumerate(lines) if COMMAND_RE.search(line)]
    extents = {}
    for index, start in enumerate(starts):
        limit = starts[index + 1] - 1 if index + 1 < len(starts) else len(lines)
        end = start
        while end < limit and lines[end - 1].rstrip().endswith("\\"):
            end += 1
        extents[start] = end
    return extents


def run_dockvet(binary, paths, cwd):
    # Run from the docs root so that no .dockvet.yaml / .hadolint.yaml of the
    # caller's working tree (which could ignore rules) is picked up.
    try:
        proc = subprocess.run(
            [binary, "--format", "json", "--no-fail", "--no-color"] + paths,
            cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True,
        )
    except OSError as error:
        fail("cannot run %s: %s" % (binary, error))
    try:
        findings = json.loads(proc.stdout or "[]")
    except ValueError:
        fail("dockvet (exit %d) did not print JSON; stderr: %s" % (proc.returncode, proc.stderr.strip()[:500]))
    if not isinstance(findings, list):
        fail("dockvet JSON is not a list of findings")
    return findings, proc


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description="Score dockvet on the labelled docs run lines.")
    parser.add_argument("--docs", required=True, help="docker-library/docs checkout root")
    parser.add_argument("--dockvet", required=True, help="path of the dockvet binary")
    parser.add_argument("--labels", default=os.path.join(here, "docs-labels.tsv"), help="labels TSV")
    args = parser.parse_args()

    if not os.path.isdir(args.docs):
        fail("docs directory not found: %s" % args.docs)
    if not (os.path.isfile(args.dockvet) and os.access(args.dockvet, os.X_OK)):
        fail("dockvet binary not found or not executable: %s" % args.dockvet)
    if not os.path.isfile(args.labels):
        fail("labels file not found: %s" % args.labels)

    docs = os.path.abspath(args.docs)
    items = read_labels(args.labels)

    readmes = sorted(
        os.path.join(name, "README.md")
        for name in os.listdir(docs)
        if os.path.isfile(os.path.join(docs, name, "README.md"))
    )
    if not readmes:
        fail("no */README.md under %s" % docs)
    extents = {}
    for rel in readmes:
        with open(os.path.join(docs, rel), encoding="utf-8", errors="replace") as handle:
            extents[rel] = command_extents(handle.read())

    bad = [key for key in items if key[0] not in extents or key[1] not in extents[key[0]]]
    if bad:
        fail("labelled lines that are not command starts in %s: %s" % (
            docs, ", ".join("%s:%d" % key for key in sorted(bad)[:20])))

    findings, proc = run_dockvet(os.path.abspath(args.dockvet), [os.path.join(docs, rel) for rel in readmes], docs)

    hits = defaultdict(list)      # item key -> findings
    unlabelled = []               # (file, line, code, message, nearest command start)
    for finding in findings:
        code = str(finding.get("code", ""))
        if not STATEFUL_CODE_RE.match(code):
            continue
        path = str(finding.get("file", ""))
        rel = os.path.relpath(os.path.abspath(path), docs) if os.path.isabs(path) else path
        rel = rel.replace(os.sep, "/")
        line = int(finding.get("line", 0) or 0)
        starts = extents.get(rel, {})
        owner = max((s for s in starts if s <= line), default=None)
        if owner is not None and line <= starts[owner] and (rel, owner) in items:
            hits[(rel, owner)].append(finding)
        else:
            if owner is None:
                where = "no command start above"
            elif line > starts[owner]:
                where = "past the end of the command at line %d" % owner
            else:
                where = "command at line %d is not labelled" % owner
            unlabelled.append((rel, line, code, finding.get("message", ""), where))

    tp, fp, fn, tn, unclear = [], [], [], [], []
    for key in sorted(items):
        item = items[key]
        flagged = key in hits
        if item["label"] == "unclear":
            unclear.append((key, flagged))
        elif item["label"] == "report":
            (tp if flagged else fn).append(key)
        else:
            (fp if flagged else tn).append(key)

    counted = len(tp) + len(fp) + len(fn) + len(tn)
    recall = len(tp) / (len(tp) + len(fn)) if tp or fn else float("nan")
    precision = len(tp) / (len(tp) + len(fp)) if tp or fp else float("nan")

    print("dockvet: %s (exit %d)" % (args.dockvet, proc.returncode))
    print("labels:  %s (%d items: %d report, %d silent, %d unclear)" % (
        args.labels, len(items),
        sum(1 for i in items.values() if i["label"] == "report"),
        sum(1 for i in items.values() if i["label"] == "silent"),
        len(unclear)))
    print("README files linted: %d; DV1xx findings: %d" % (
        len(readmes), sum(len(v) for v in hits.values()) + len(unlabelled)))
    print()
    print("scored items:        %d" % counted)
    print("true positives:      %d" % len(tp))
    print("false positives:     %d" % len(fp))
    print("false negatives:     %d" % len(fn))
    print("true negatives:      %d" % len(tn))
    print("recall:              %.3f" % recall)
    print("precision:           %.3f" % precision)

    def show(title, keys, with_codes):
        print()
        print("%s (%d)" % (title, len(keys)))
        for key in keys:
            item = items[key]
            codes = ""
            if with_codes:
                codes = " [%s]" % ",".join(sorted({f["code"] for f in hits[key]}))
            print("  %s:%d  %s%s  -- %s" % (key[0], key[1], item["image"], codes, item["reason"]))

    show("False negatives: labelled report, no DV1xx finding", fn, False)
    show("False positives: labelled silent, DV1xx finding", fp, True)

    print()
    print("Unclear items (not scored) (%d)" % len(unclear))
    for key, flagged in unclear:
        print("  %s:%d  %s  %s  -- %s" % (key[0], key[1], items[key]["image"],
                                          "flagged" if flagged else "not flagged", items[key]["reason"]))

    print()
    print("DV1xx findings on lines with no labelled command (%d)" % len(unlabelled))
    for rel, line, code, message, where in sorted(unlabelled):
        print("  %s:%d  %s  (%s)  %s" % (rel, line, code, where, message[:160]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
