#!/usr/bin/env python3
"""Lists the longest functions (func, init, closures given a name with `let x = {`
are not counted) and the longest files of Sources/, for the size rules of
docs/ARCHITECTURE.md.

  scripts/function_lengths.py [LIMIT]   functions over LIMIT lines (default 80), longest first
"""
import os
import re
import sys

DECLARATION = re.compile(
    r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|private|fileprivate|static|"
    r"mutating|final|override|convenience|required|nonisolated)\s+)*(?:func\s+([^\s(<]+)|(init)\??[(<])")


def functions(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    for start, line in enumerate(lines):
        match = DECLARATION.match(line)
        if not match:
            continue
        depth, opened = 0, False
        for end in range(start, len(lines)):
            code = re.sub(r'"(?:\\.|[^"\\])*"', '""', lines[end].split("//")[0])
            depth += code.count("{") - code.count("}")
            opened = opened or "{" in code
            if opened and depth <= 0:
                yield match.group(1) or match.group(2), start + 1, end - start + 1
                break
            if not opened and end > start + 12:
                break  # a protocol requirement: no body


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 80
    found, files = [], []
    for folder, _, names in os.walk("Sources"):
        for name in names:
            if name.endswith(".swift"):
                path = os.path.join(folder, name)
                files.append((sum(1 for _ in open(path, encoding="utf-8")), path))
                found += [(length, f"{path}:{line}", function)
                          for function, line, length in functions(path)]
    found.sort(reverse=True)
    print("functions over", limit, "lines:")
    for length, where, function in found:
        if length > limit:
            print(f"{length:5}  {function}  {where}")
    print("longest ten:")
    for length, where, function in found[:10]:
        print(f"{length:5}  {function}  {where}")
    print("files over 450 lines:")
    for length, path in sorted(files, reverse=True):
        if length > 450:
            print(f"{length:5}  {path}")


main()
