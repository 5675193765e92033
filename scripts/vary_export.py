#!/usr/bin/env python3
"""Write the next export of a TAB customers export, as an accountant's cycle makes it:
about one row in a hundred changed (its Adresse 2 and Observations) and one in a
thousand removed, every other byte as it was.

    python3 scripts/vary_export.py INPUT OUTPUT

Prints how many rows were changed and removed. The export is Windows-1252 with CRLF
line ends, as Sage 50 writes it; it is read and written as bytes.
"""

import sys


def main() -> None:
    source, target = sys.argv[1], sys.argv[2]
    changed = removed = 0
    with open(source, "rb") as inp, open(target, "wb") as out:
        header = inp.readline()
        out.write(header)
        labels = header.rstrip(b"\r\n").split(b"\t")
        address = labels.index(b"Adresse 2")
        notes = labels.index(b"Observations")
        for number, line in enumerate(inp):
            if number % 1000 == 500:
                removed += 1
                continue
            if number % 100 == 7:
                fields = line.rstrip(b"\r\n").split(b"\t")
                fields[address] = b"Batiment C"
                fields[notes] = b"Adresse mise a jour"
                line = b"\t".join(fields) + b"\r\n"
                changed += 1
            out.write(line)
    print(f"{changed} changed, {removed} removed")


if __name__ == "__main__":
    main()
