#!/usr/bin/env python3
"""Reference point for the benchmark: the plain csv + json script one would write first.

    python3 scripts/python_baseline.py INPUT OUTPUT

Reads a Sage 50 FR customers export (TAB, Windows-1252) and writes every row as an
`upsert` operation. It checks nothing, keeps no state and maps only eight fields: it does
less work than passerelle on purpose, so it gives a floor to compare against.
"""

import csv
import json
import sys


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: python3 scripts/python_baseline.py INPUT OUTPUT", file=sys.stderr)
        return 2
    source, target = sys.argv[1], sys.argv[2]

    operations = []
    with open(source, encoding="cp1252", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            code = row["Code"]
            operations.append({
                "action": "upsert",
                "extId": code,
                "data": {
                    "name": row["Société"] or row["Nom"],
                    "extId": code,
                    "address1": row["Adresse 1"],
                    "address2": row["Adresse 2"],
                    "city": row["Ville"],
                    "postcode": row["Code Postal"],
                    "phone": row["Téléphone"],
                    "email": row["E-mail"],
                    "readOnly": True,
                },
            })

    with open(target, "w", encoding="utf-8") as f:
        json.dump({"operations": operations}, f, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
