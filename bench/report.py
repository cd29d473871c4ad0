#!/usr/bin/env python3
"""Prints the ratios of one bench/run.sh run from its hyperfine JSON files.

    report.py RESULTS_DIR

Every ratio divides two means measured in the same run, so machine load moves both sides.
"""

import json
import os
import sys


def load(directory, name):
    path = os.path.join(directory, name + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as source:
        return {r["command"]: r for r in json.load(source)["results"]}


def show(results):
    for command, r in results.items():
        spread = r.get("stddev") or 0.0
        print(f"  {command:<18} {r['mean'] * 1000:10.1f} ms  ± {spread * 1000:7.1f}  "
              f"(min {r['min'] * 1000:.1f}, user {r['user'] * 1000:.0f}, sys {r['system'] * 1000:.0f})")


def ratio(results, slower, faster):
    if slower in results and faster in results:
        value = results[slower]["mean"] / results[faster]["mean"]
        print(f"  {slower} / {faster}: {value:.2f}x")


def inputs_listed(directory, section):
    """How many files a section's run was given (from machine.txt's "SECTION inputs: N ...")."""
    path = os.path.join(directory, "machine.txt")
    if os.path.exists(path):
        with open(path) as source:
            for line in source:
                if line.startswith(f"{section} inputs: "):
                    return int(line.split()[2])
    return 0


def compose_files(directory):
    """How many compose files the compose run gave each linter (from machine.txt)."""
    return inputs_listed(directory, "compose")


def main():
    directory = sys.argv[1]
    peers = load(directory, "peers")
    if peers:
        print("dockvet vs peers, same Dockerfiles (peer time / dockvet time):")
        show(peers)
        for peer in ("dockerfilelint", "dockerfile_lint", "dockerfile-utils"):
            ratio(peers, peer, "dockvet -j1")
            ratio(peers, peer, "dockvet")
    tally = load(directory, "tally")
    if tally:
        print("tally subset:")
        show(tally)
        ratio(tally, "tally", "dockvet -j1")
    floor = load(directory, "floor")
    if floor:
        print("dockvet end to end vs the floor (dockvet time / floor time):")
        show(floor)
        ratio(floor, "dockvet -j1", "floor frontend")
        ratio(floor, "dockvet -j1", "floor lines")
    small = load(directory, "small")
    if small:
        print("one small Dockerfile (target <= 5 ms):")
        show(small)
    # The compose results count only when this run's machine.txt names compose inputs: a run with
    # SKIP_COMPOSE=1 leaves an earlier run's files in place.
    listed = compose_files(directory)
    compose = load(directory, "compose") if listed else None
    if compose:
        print(f"dockvet on {listed} compose files (target: 1000 files in under 1 s):")
        show(compose)
        ratio(compose, "dockvet -j1", "dockvet")
        for command in ("dockvet", "dockvet -j1"):
            if command in compose:
                per_1000 = compose[command]["mean"] * 1000 / listed
                verdict = "met" if per_1000 < 1.0 else "NOT met"
                print(f"  {command}: {per_1000 * 1000:.0f} ms per 1000 compose files: 1 s bar {verdict}")
    dclint = load(directory, "compose-dclint") if listed else None
    if dclint:
        print("dockvet vs dclint, same compose files (dclint time / dockvet time):")
        show(dclint)
        ratio(dclint, "dclint", "dockvet -j1")
        ratio(dclint, "dclint", "dockvet")
        if "dockvet" in dclint and "dclint" in dclint:
            share = dclint["dockvet"]["mean"] / dclint["dclint"]["mean"]
            print(f"  dockvet / dclint: {share:.4f} (dockvet takes {share * 100:.2f}% of dclint's time)")
    counts = os.path.join(directory, "compose-counts.txt")
    if listed and os.path.exists(counts):
        with open(counts) as source:
            print("".join("  " + line for line in source), end="")
    # As for compose: only when this run's machine.txt names Kubernetes inputs.
    manifests = inputs_listed(directory, "kubernetes")
    kubernetes = load(directory, "kubernetes") if manifests else None
    if kubernetes:
        print(f"dockvet on {manifests} Kubernetes manifest files:")
        show(kubernetes)
        ratio(kubernetes, "dockvet -j1", "dockvet")
        for command in ("dockvet", "dockvet -j1", "dockvet dir"):
            if command in kubernetes:
                per_1000 = kubernetes[command]["mean"] * 1000 / manifests
                print(f"  {command}: {per_1000 * 1000:.0f} ms per 1000 manifest files")
        counts = os.path.join(directory, "kubernetes-counts.txt")
        if os.path.exists(counts):
            with open(counts) as source:
                print("".join("  " + line for line in source), end="")
    for name, unit in (("linear-count", "count"), ("linear-size", "size")):
        results = load(directory, name)
        if results:
            print(f"linearity in file {unit} (time / time at x1; linear is 4 and 16):")
            show(results)
            for k in (4, 16):
                ratio(results, f"{unit} x{k}", f"{unit} x1")


if __name__ == "__main__":
    main()
