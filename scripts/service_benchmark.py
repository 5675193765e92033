#!/usr/bin/env python3
"""The service's two figures: how long a rep waits, and what an idle service costs.

(1) With `passerelle run` polling SM's folder at its defaults, 50 quote files are
dropped one by one (written under a temporary name, then renamed in, as an uploader
does) at irregular moments; for each, the delay from the rename to its Sage import
file appearing in out/sage/. Prints the median, p95 and maximum.

(2) The same service left idle for a while on a root whose out/archive/ holds 10,000
processed files: processor time used (from /proc), as a share of one core.

Not a test: its numbers depend on the machine. Run through scripts/service-benchmark.sh.
"""

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time


def wait_for(condition, timeout, step=0.005):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


def quote(index):
    return {
        "id": 70000 + index,
        "reference": f"BENCH-Q-{index:05d}",
        "accountExtId": "C00005",
        "salesRepExtId": "R01",
        "dateCreated": "2026-11-29T10:00:00Z",
        "lines": [
            {"productExtId": "ART0007", "quantity": 1 + index % 5, "order": 1},
            {"productExtId": "ART0006", "quantity": 2, "order": 2},
        ],
    }


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/passerelle")
    parser.add_argument("--root", default="bench/service")
    parser.add_argument("--drops", type=int, default=50)
    parser.add_argument("--archived", type=int, default=10000)
    parser.add_argument("--idle-seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    random.seed(options.seed)

    root = options.root
    shutil.rmtree(root, ignore_errors=True)
    subprocess.run([options.binary, "init", "--root", root], check=True, capture_output=True)
    # The records the quotes name: representatives, customers, articles.
    for name in ["Export des représentants.Txt", "Export des clients.Txt", "Export des articles.Txt"]:
        shutil.copy(os.path.join("samples/sage", name), os.path.join(root, "watch/sage", name))
    subprocess.run([options.binary, "run", "--once", "--root", root], capture_output=True)
    # A long history: processed files in the archive.
    archive = os.path.join(root, "out/archive")
    for index in range(options.archived):
        with open(os.path.join(archive, f"20260101-000000-{index:04x}-old-{index}.json"), "w") as f:
            f.write("[]")

    service = subprocess.Popen(
        [options.binary, "run", "--root", root], stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    try:
        lock = os.path.join(root, "out/.lock")
        if not wait_for(lambda: os.path.exists(lock) and open(lock).read().strip() == str(service.pid), 30):
            sys.exit("service_benchmark: the service did not start")
        drop_folder = os.path.join(root, "watch/salesmanagement")
        out_sage = os.path.join(root, "out/sage")
        delays = []
        for index in range(options.drops):
            time.sleep(random.uniform(0.2, 1.5))  # not in step with the polls
            before = len(os.listdir(out_sage))
            name = f"salesorders-bench-{index:03d}.json"
            temporary = os.path.join(drop_folder, "." + name + ".tmp")
            with open(temporary, "w") as f:
                json.dump({"entity": "salesorders", "records": [quote(index)]}, f)
            start = time.monotonic()
            os.rename(temporary, os.path.join(drop_folder, name))
            if not wait_for(lambda: len(os.listdir(out_sage)) > before, 30):
                sys.exit(f"service_benchmark: quote {index} produced no import within 30 s")
            delays.append(time.monotonic() - start)

        # Idle: nothing to do, a large archive beside.
        time.sleep(2)
        cpu_before, wall_before = cpu_seconds(service.pid), time.monotonic()
        time.sleep(options.idle_seconds)
        cpu_used = cpu_seconds(service.pid) - cpu_before
        idle_wall = time.monotonic() - wall_before
    finally:
        service.send_signal(signal.SIGTERM)
        service.wait(timeout=60)

    delays.sort()
    p95 = delays[min(len(delays) - 1, int(round(0.95 * len(delays))) - 1)]
    print(f"(s1) SM quote file -> Sage import, {len(delays)} drops, polled every 1 s (defaults)")
    print(f"     median {delays[len(delays) // 2]:.3f} s   p95 {p95:.3f} s   max {delays[-1]:.3f} s"
          f"   target p95 < 2 s: {'met' if p95 < 2 else 'NOT met'}")
    share = 100 * cpu_used / idle_wall
    print(f"(s2) idle service, {options.archived} archived files: {cpu_used:.3f} s of processor"
          f" over {idle_wall:.1f} s = {share:.3f} % of a core"
          f"   target < 1 %: {'met' if share < 1 else 'NOT met'}")
    print(f"exit status of the service after SIGTERM: {service.returncode}")


if __name__ == "__main__":
    main()
