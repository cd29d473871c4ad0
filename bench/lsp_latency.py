#!/usr/bin/env python3
"""The language server's latency as an editor sees it (issue 14, "Language server").

    bench/lsp_latency.py DOCKVET FILE [CHANGES]

Runs `DOCKVET lsp` on pipes, opens FILE as a document, then sends CHANGES (default 200)
incremental edits one at a time (insert a comment line at the top, then remove it) and times,
for each, from writing the didChange frame to reading the publishDiagnostics it causes: the
whole round trip of framing, the edit, the lint of that one document and the reply. Prints the
first lint (didOpen, which also finds and reads the configuration) and the median, 90th
percentile and worst change.
"""
import json
import statistics
import subprocess
import sys
import time


def main():
    dockvet, path = sys.argv[1], sys.argv[2]
    changes = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    server = subprocess.Popen([dockvet, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(message):
        body = json.dumps(message).encode()
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        server.stdin.flush()

    def receive():
        length = None
        while True:
            line = server.stdout.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        return json.loads(server.stdout.read(length))

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
          "params": {"rootUri": None, "capabilities": {}}})
    receive()
    with open(path, encoding="utf-8") as source:
        text = source.read()
    uri = "file:///nonexistent/bench/Dockerfile"
    started = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "dockerfile", "version": 1,
                                      "text": text}}})
    published = receive()
    first = time.perf_counter() - started
    times = []
    for version in range(2, changes + 2):
        inserting = version % 2 == 0
        edit = {"range": {"start": {"line": 0, "character": 0},
                          "end": {"line": 0 if inserting else 1, "character": 0}},
                "text": "# edited\n" if inserting else ""}
        started = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": version},
                         "contentChanges": [edit]}})
        published = receive()
        times.append(time.perf_counter() - started)
        assert published["method"] == "textDocument/publishDiagnostics"
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    receive()
    send({"jsonrpc": "2.0", "method": "exit"})
    code = server.wait()
    times.sort()
    print(f"{path}: {text.count(chr(10))} lines, {len(published['params']['diagnostics'])} findings; "
          f"didOpen {first * 1000:.2f} ms; {changes} changes: median {statistics.median(times) * 1000:.2f} ms, "
          f"p90 {times[int(len(times) * 0.9)] * 1000:.2f} ms, worst {times[-1] * 1000:.2f} ms; exit {code}")


if __name__ == "__main__":
    main()
