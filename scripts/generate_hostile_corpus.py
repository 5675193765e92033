#!/usr/bin/env python3
"""Writes the hostile-input corpus of Tests/HostileCorpus/: files from other people's
machines that must never crash, hang or mislead Passerelle. Deterministic; the
expected outcome of each is in Tests/HostileCorpus/expected.tsv (kept by hand).

    python3 scripts/generate_hostile_corpus.py
"""
import os

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.join(REPOSITORY, "Tests", "HostileCorpus")
SAGE = os.path.join(HERE, "sage")
SM = os.path.join(HERE, "salesmanagement")

# The real customers export's header and one of its good rows (C00002).
with open(os.path.join(REPOSITORY, "samples", "sage", "Export des clients.Txt"), "rb") as sample:
    LINES = sample.read().decode("cp1252").split("\r\n")
HEADER = LINES[0]
ROW = next(line for line in LINES if line.startswith("C00002\t"))


def write(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("cp1252")
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def xml(body, declaration='<?xml version="1.0" encoding="UTF-8"?>\n'):
    return (declaration + body).encode("utf-8")


def main():
    write(SAGE, "empty.Txt", b"")
    write(SAGE, "header-only.Txt", HEADER + "\r\n")
    write(SAGE, "binary-junk.bin", bytes(range(256)) * 16)
    write(SAGE, "nul-in-a-field.Txt", (HEADER + "\r\n" + ROW.replace("MARTIN", "MAR\0TIN") + "\r\n").encode("cp1252"))
    write(SAGE, "bom-in-the-middle.Txt",
          (HEADER + "\r\n").encode("cp1252") + b"\xef\xbb\xbf" + (ROW + "\r\n").encode("cp1252"))
    write(SAGE, "mixed-line-endings.Txt", HEADER + "\r\n" + ROW + "\n" + ROW.replace("C00002", "C00003") + "\r\n")
    write(SAGE, "too-many-columns.Txt", HEADER + "".join(f"\tColonne {i}" for i in range(1500)) + "\r\n" + ROW + "\r\n")
    # A value a spreadsheet would run: the report must neutralise it.
    write(SAGE, "formula-injection.Txt",
          HEADER + "\r\n" + "=HYPERLINK(\"http://evil\")" + "\t" * HEADER.count("\t") + "\r\n" + ROW + "\r\n")
    # Excel's ";" form, its last value opening a quote that never closes (a truncated copy).
    excel = HEADER.replace("\t", ";") + "\r\n" + ROW.replace("\t", ";") + "\r\n"
    write(SAGE, "unterminated-quote.csv", excel + ROW.replace("C00002", "C00003").replace("\t", ";").rsplit(";", 1)[0] + ';"Livraison le matin\r\n')
    write(SAGE, "binary-in-utf8.Txt", (HEADER + "\r\n").encode("utf-8") + b"C00003\t\xff\xfe\xfd\tX" + b"\t" * (HEADER.count("\t") - 2) + b"\r\n")

    write(SAGE, "billion-laughs.xml", xml(
        '<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
        + ']>\n<Clients><Client><Code>&lol9;</Code></Client></Clients>\n'))
    # Quadratic blowup: one 50 KB entity used 5,000 times, no nesting to spot.
    write(SAGE, "quadratic-blowup.xml", xml(
        '<!DOCTYPE c [<!ENTITY a "' + "a" * 50000 + '">]>\n<Clients><Client><Code>C1</Code><Nom>'
        + "&a;" * 5000 + '</Nom></Client></Clients>\n'))
    # An entity used without any declaration.
    write(SAGE, "undeclared-entity.xml", xml("<Clients><Client><Code>C1</Code><Nom>&nom;</Nom></Client></Clients>\n"))
    write(SAGE, "external-entity.xml", xml(
        '<!DOCTYPE c [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        '<Clients><Client><Code>C1</Code><Nom>&xxe;</Nom></Client></Clients>\n'))
    write(SAGE, "parameter-entity.xml", xml(
        '<!DOCTYPE c [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>\n<Clients/>\n'))
    write(SAGE, "xinclude.xml", xml(
        '<Clients xmlns:xi="http://www.w3.org/2001/XInclude"><Client><Code>C1</Code>'
        '<Nom><xi:include href="/etc/passwd" parse="text"/></Nom><Société>S</Société></Client></Clients>\n'))
    write(SAGE, "deep-nesting.xml", xml("<Clients>" + "<a>" * 5000 + "x" + "</a>" * 5000 + "</Clients>\n"))
    write(SAGE, "not-well-formed.xml", xml("<Clients><Client><Code>C1</Code></Clients>\n"))
    write(SAGE, "invalid-utf8.xml", xml("<Clients><Client><Code>C1</Code><Nom>") + b"\xc3\x28\xff" + b"</Nom></Client></Clients>\n")
    # Bytes Windows-1252 leaves undefined under a windows-1252 declaration; UTF-16 declared, UTF-8 written.
    write(SAGE, "undefined-in-1252.xml", xml("<Clients><Client><Code>C1</Code><Nom>", '<?xml version="1.0" encoding="windows-1252"?>\n') + b"\x81\x8d\x90" + b"</Nom></Client></Clients>\n")
    write(SAGE, "utf16-declared-utf8-written.xml", xml("<Clients><Client><Code>C1</Code></Client></Clients>\n", '<?xml version="1.0" encoding="UTF-16"?>\n'))
    write(SAGE, "utf16.xml", '\ufeff<?xml version="1.0" encoding="UTF-16"?>\n<Clients><Client><Code>C1</Code><Nom>Muller</Nom></Client></Clients>\n'.encode("utf-16-le"))

    write(SM, "salesorders-trailing-garbage.json", b'[{"id": 1, "reference": "R1"}] {"id": 2}')
    write(SM, "salesorders-not-json.json", "Bonjour, voici le devis.\r\n")
    write(SM, "salesorders-deep.json", b'[{"lines": ' + b"[" * 200 + b"]" * 200 + b"}]")
    write(SM, "accounts-wrong-types.json", b'[{"id": "un", "extId": 3, "deleted": "oui"}]')
    write(SM, "contacts-nul.json", b'[{"id": 5, "firstName": "A\\u0000B", "lastName": "C", "accountExtId": "C9"}]')


if __name__ == "__main__":
    main()
