"""Load benchmark of the service: a bounded run against ``newsbrief serve`` on 127.0.0.1.

    python bench/load.py [--requests 2000] [--concurrency 16] [--runs 3] [--write]

Starts the server in a subprocess on a free loopback port, waits for ``/healthz``, warms it up,
then sends ``--requests`` ``POST /v1/brief`` requests of the korea-talks sample cluster (read
from ../shared/samples, not shipped; the shipped example's text files otherwise) over
``--concurrency`` keep-alive connections, ``--runs`` times. Reports throughput, p50/p99 latency
and errors (any answer but 200, or no answer), the median over the runs. The client is a
minimal HTTP/1.1 one on asyncio, so that on a small machine the client costs little beside the
server it measures. Every run is bounded in requests and in time, and only ever talks to
127.0.0.1. Goal (issue 5): zero errors and p99 under 200 ms.

``--write`` replaces the load section of docs/benchmarks.md (between its markers).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

import report

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "samples" / "korea-talks"
EXAMPLE = ROOT / "examples" / "harbor-bridge"
START, END = "<!-- load:start -->", "<!-- load:end -->"
HOST = "127.0.0.1"
RUN_TIME_LIMIT = 600.0  # seconds: no run goes on longer, whatever happens


def payload(sections: str) -> tuple[str, bytes]:
    folder = SAMPLE if SAMPLE.is_dir() else EXAMPLE
    articles = [{"text": p.read_text(), "source": p.name} for p in sorted(folder.glob("*.txt"))]
    body: dict[str, object] = {"articles": articles, "words": 150}
    if sections != "default":
        body["sections"] = sections.split(",")
    name = "korea-talks sample" if folder == SAMPLE else "harbor-bridge example (text files)"
    return name, json.dumps(body).encode()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(port: int, workers: int, processes: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "newsbrief.cli", "serve", "--host", HOST, "--port"]
    command += [str(port), "--workers", str(workers), "--processes", str(processes)]
    command += ["--no-access-log"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited: {server.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=1) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not answer /healthz within 60 s")


async def one_connection(port: int, request: bytes, count: int, latencies: list, errors: list):
    """Send ``count`` requests one after another on one keep-alive connection."""
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        for _ in range(count):
            started = time.perf_counter()
            try:
                writer.write(request)
                status = int((await reader.readline()).split()[1])
                length = 0
                while (line := await reader.readline()) not in (b"\r\n", b""):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                await reader.readexactly(length)
            except (OSError, ValueError, IndexError, asyncio.IncompleteReadError) as exc:
                errors.append(type(exc).__name__)
                writer.close()
                reader, writer = await asyncio.open_connection(HOST, port)
                continue
            latencies.append(time.perf_counter() - started)
            if status != 200:
                errors.append(str(status))
    finally:
        writer.close()


async def load(port: int, body: bytes, requests: int, concurrency: int) -> dict[str, float]:
    request = (
        f"POST /v1/brief HTTP/1.1\r\nHost: {HOST}:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    latencies: list[float] = []
    errors: list[str] = []
    shares = [requests // concurrency + (i < requests % concurrency) for i in range(concurrency)]
    started = time.perf_counter()
    await asyncio.wait_for(
        asyncio.gather(*(one_connection(port, request, n, latencies, errors) for n in shares)),
        RUN_TIME_LIMIT,
    )
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "throughput": requests / elapsed,
        "p50": 1000 * latencies[len(latencies) // 2],
        "p99": 1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        "errors": len(errors),
        "seconds": elapsed,
    }


def section(args: argparse.Namespace, name: str, runs: list[dict[str, float]]) -> str:
    median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    median["load"] = statistics.median(run["load"] for run in runs)
    rows = "\n".join(
        f"| {n} | {r['throughput']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errors']} | "
        f"{r['load']:.1f} |"
        for n, r in enumerate(runs, 1)
    )
    sections = "the summary alone" if args.sections == "summary" else f"sections {args.sections}"
    command = (
        f"python bench/load.py --requests {args.requests} --concurrency {args.concurrency} "
        f"--runs {args.runs} --processes {args.processes} --workers {args.workers} "
        f"--sections {args.sections} --write"
    )
    how = (
        f"`{command}` on {date.today().isoformat()}; {report.machine()}. "
        f"`newsbrief serve --processes {args.processes} --workers {args.workers}` on 127.0.0.1, "
        f"client and server on the same machine; each request is `POST /v1/brief` of the {name} "
        f"(150 words, {sections}), sent over {args.concurrency} keep-alive connections after 20 "
        "warm-up requests. Load average: the 2-core machine's 1-minute load at the end of each "
        "run, this benchmark's own server and client included (alone they make about 2.5-3); "
        "more means other jobs shared the cores. "
        "Goal: zero errors, p99 under 200 ms."
    )
    total = (
        f"| **median** | **{median['throughput']:.0f}** | **{median['p50']:.1f}** | "
        f"**{median['p99']:.1f}** | **{sum(r['errors'] for r in runs)}** (total) | "
        f"{median['load']:.1f} |"
    )
    return "\n".join(
        [
            START,
            "## Service load (issue 5)",
            "",
            how,
            "",
            "| run | requests/s | p50 ms | p99 ms | errors | load average |",
            "|---|---|---|---|---|---|",
            rows,
            total,
            END,
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1, help="worker threads per process")
    parser.add_argument("--processes", type=int, default=2, help="server processes")
    parser.add_argument("--sections", default="summary", help='comma-separated, or "default"')
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()
    if not 1 <= args.concurrency <= 256 or not 1 <= args.requests <= 100_000:
        parser.error("keep it bounded: 1-256 connections, 1-100,000 requests")
    name, body = payload(args.sections)
    port = free_port()
    server = start_server(port, args.workers, args.processes)
    try:
        asyncio.run(load(port, body, 20, 4))  # warm-up
        runs = []
        for n in range(args.runs):
            result = asyncio.run(load(port, body, args.requests, args.concurrency))
            result["load"] = os.getloadavg()[0]
            print(
                f"run {n + 1}: {result['throughput']:.0f} req/s, p50 {result['p50']:.1f} ms, "
                f"p99 {result['p99']:.1f} ms, {result['errors']} errors",
                flush=True,
            )
            runs.append(result)
    finally:
        server.terminate()
        server.wait(10)
    text = section(args, name, runs)
    print(text)
    if args.write:
        report.write_section("load", text)


if __name__ == "__main__":
    main()
