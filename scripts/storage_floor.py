#!/usr/bin/env python3
"""What a conversion must store, stored alone: the benchmark's floor for a run.

    python3 scripts/storage_floor.py ROOT INPUT SCRATCH

After `passerelle convert INPUT --root ROOT`, writes again, into SCRATCH, what that
run had to make durable, in the run's order and with no parsing or mapping at all:

1. the claimed copy of INPUT (read in 1 MiB chunks, written, synced);
2. as many bytes as the run's payloads hold (written in 1 MiB chunks, each file
   synced): what the bytes say does not change what writing them costs;
3. the run's manifest records (those its batch, the last one claimed, wrote last),
   read into memory first, untimed, then inserted in one INSERT ... SELECT into an
   empty manifest of the same schema, in WAL mode with `synchronous = NORMAL` (as
   the manifest is opened), one transaction, committed and checkpointed as SQLite
   does by itself.

The steps run one after the other. Prints, on one line, the seconds of each, of the
whole and of the longest one (what storing takes if the others could overlap it
completely), and the processor time of the whole.
"""

import os
import sqlite3
import sys
import time
import traceback

CHUNK = 1 << 20


def synced_copy(source: str, target: str) -> None:
    with open(source, "rb") as src, open(target, "wb") as dst:
        while True:
            block = src.read(CHUNK)
            if not block:
                break
            dst.write(block)
        dst.flush()
        os.fsync(dst.fileno())


def synced_write(target: str, size: int) -> None:
    block = b"\x20" * CHUNK
    with open(target, "wb") as dst:
        left = size
        while left > 0:
            dst.write(block[: min(left, CHUNK)])
            left -= CHUNK
        dst.flush()
        os.fsync(dst.fileno())


def main() -> int:
    if len(sys.argv) != 4:
        print("usage: python3 scripts/storage_floor.py ROOT INPUT SCRATCH", file=sys.stderr)
        return 2
    root, source, scratch = sys.argv[1:]
    manifest = os.path.join(root, "out", "manifest.sqlite")
    payloads = os.path.join(root, "out", "salesmanagement")

    source_db = sqlite3.connect(f"file:{manifest}?mode=ro", uri=True)
    last = source_db.execute("SELECT id, state FROM batch ORDER BY rowid DESC LIMIT 1").fetchone()
    if last is None or last[1] != "done":
        print(f"storage_floor: the last batch of {manifest} is not done: {last}", file=sys.stderr)
        return 2
    batch = last[0]
    schema = [
        sql
        for (sql,) in source_db.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'record' AND sql IS NOT NULL"
        )
    ]
    source_db.close()
    sizes = [
        os.path.getsize(os.path.join(payloads, name))
        for name in sorted(os.listdir(payloads))
        if name.startswith(batch + "-")
    ]

    os.makedirs(scratch, exist_ok=True)
    floor = os.path.join(scratch, "manifest.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(floor + suffix):
            os.remove(floor + suffix)
    db = sqlite3.connect(f"file:{floor}", uri=True, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA temp_store = MEMORY")
    for statement in schema:
        db.execute(statement)
    db.execute("ATTACH ? AS run", (f"file:{manifest}?mode=ro",))
    db.execute("CREATE TEMP TABLE sent AS SELECT * FROM run.record WHERE lastBatch = ?", (batch,))
    db.execute("DETACH run")

    started = time.perf_counter()
    processor = time.process_time()
    synced_copy(source, os.path.join(scratch, "claimed"))
    copied = time.perf_counter()
    for index, size in enumerate(sizes):
        synced_write(os.path.join(scratch, f"payload-{index}.json"), size)
    written = time.perf_counter()
    db.execute("BEGIN")
    db.execute("INSERT INTO main.record SELECT * FROM temp.sent")
    records = db.execute("SELECT changes()").fetchone()[0]
    db.execute("COMMIT")
    db.close()
    stored = time.perf_counter()
    processor = time.process_time() - processor

    steps = (copied - started, written - copied, stored - written)
    print(
        f"copy {steps[0]:.3f} s, payloads {steps[1]:.3f} s "
        f"({sum(sizes)} bytes in {len(sizes)} files), manifest {steps[2]:.3f} s "
        f"({records} records), total {stored - started:.3f} s, longest {max(steps):.3f} s, "
        f"cpu {processor:.3f} s"
    )
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception:  # exit 1 means "rows rejected" to the benchmark's runner
        traceback.print_exc()
        sys.exit(3)
