#!/usr/bin/env python3
"""Write the Sage 50 FR sample exports other than customers, and a large invoices export.

    python3 scripts/generate_sage_samples.py [--samples DIR] [--seed S]
    python3 scripts/generate_sage_samples.py --invoices N --output PATH [--seed S] [--check]

Sample mode (the default) writes into DIR/sage/ (default: samples/sage/ of this
repository) the representatives, prospects, contacts, articles (TAB and XML, with their
pictures in images/), invoices and quotes exports, and into DIR/expected/ one
`<file>.expected.tsv` per export: `line<TAB>key<TAB>reason`, sorted by line, listing every
row that yields an issue. Invoices and quotes take the customers' names and addresses from
`Export des clients.Txt` (written by generate_customers.py), so the two agree. Every file
is checked after it is written.

Benchmark mode streams one E/L invoices export of about N lines (E and L lines), with
customers C00001..C05000, articles ART0001..ART9999, valid totals and no faulty row.

The output depends only on the arguments: the same arguments give the same bytes.
"""

from __future__ import annotations

import argparse
import datetime
import decimal
import random
import re
import struct
import sys
import unicodedata
import xml.parsers.expat
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# ------------------------------------------------------------------------ labels

REP_LABELS = [
    "Code", "Nom", "Titre", "Fonction", "Région", "Téléphone", "Portable", "Fax",
    "Adresse 1", "Adresse 2", "Adresse 3", "Code Postal", "Ville", "Code Pays", "Pays",
    "Commission", "E-mail",
]

# The two double spaces are what Sage really writes.
PROSPECT_LABELS = [
    "Code prospect", "Nom", "Société", "Forme juridique", "Adresse 1", "Adresse 2",
    "Adresse 3", "Code Postal", "Ville", "Pays", "Téléphone", "Portable", "Fax", "E-mail",
    "URL", "SIRET", "N° TVA intracom", "Représentant", "Observations", "Date de création",
    "Famille clients", "Nom du contact", "Titre du contact", "Fonction  du contact",
    "Téléphone  du contact", "Portable du contact", "E-mail du contact", "Type de client",
]

CONTACT_LABELS = [
    "Code client", "Code contact", "Civilité", "Nom", "Prénom", "Fonction", "Téléphone",
    "Portable", "Fax", "E-mail", "Observations",
]

ARTICLE_LABELS = [
    "Code", "Désignation courte", "Désignation longue", "Famille", "Marque",
    "Prix de vente HT", "Prix de vente TTC", "Taux TVA", "Code TVA", "Unité",
    "Prix d'achat HT", "Suivi stock", "Stock réel", "Stock minimum", "Code barre", "Bloqué",
    "Mis en sommeil", "Article inutilisé", "Publiable sur le Web", "Date de création",
    "Chemin image",
]

DOC_LABELS = [
    "Type de Ligne", "Type de pièce", "N° pièce", "Date pièce", "Facturation TTC",
    "Référence pièce", "Remarque", "Code représentant pièce", "Code client", "Nom client",
    "Forme juridique", "Adresse 1", "Adresse 2", "Adresse 3", "Code postal", "Ville",
    "Code pays", "Pays", "Mode gestion TVA", "Tarif client", "NII", "Assujetti TPF",
    "Observations", "Nom contact", "Code mode de paiement", "Date échéance",
    "Date livraison pièce", "Validée", "Transmise", "Soldée", "Comptabilisée",
    "Irrécouvrable", "Date irrécouvrabilité", "Libellé irrécouvrable",
    "Compta. irrécouvrable", "Code affaire pièce", "Type de remise pièce",
    "Taux remise pièce", "Mt remise pièce", "Taux Escompte", "Statut devis",
    "Ref. commande", "Pas de retour stock", "Port Sans TVA", "Port Soumis TVA",
    "Taux TVA Port Soumis", "TVA Port Non Perçue", "Mt total TTC", "Code article",
    "Quantité", "PU HT", "PU TTC", "Taux TVA", "Ligne commentaire", "Description",
    "Niveau sous-total", "Taux TPF", "Code dépôt", "Pds Unit. Brut", "Pds Unit. Net",
    "Qté par colis", "Nbre colis", "Date livraison", "Type remise ligne",
    "Taux remise ligne", "Mt unit. remise HT", "Mt unit. remise TTC", "PA HT", "PAMP",
    "Unité", "Référence fournisseur", "Code représentant ligne", "Type Commission Repr.",
    "Taux commission", "Mt commission", "Code affaire ligne", "Mt unit. Eco-part. TTC",
    "Qté Livrée", "TVA Non Perçue", "N° ligne", "Options Sage", "Catégorie de TVA",
    "Motif d'exonération de TVA", "Société de livraison", "Adresse 1 de livraison",
    "Adresse 2 de livraison", "Adresse 3 de livraison", "CP de livraison",
    "Ville de livraison", "Code pays de livraison", "Pays de livraison",
    "Cadre de facturation",
]
# The documents list of docs/sage50-files.md, label for label (92 labels).
assert len(DOC_LABELS) == 92 and len(set(DOC_LABELS)) == 92
DOC_COL = {label: i for i, label in enumerate(DOC_LABELS)}
# Columns filled on L lines; everything else belongs to the E line. Type de pièce and
# N° pièce are repeated on L lines.
LINE_FIELDS = DOC_LABELS[DOC_COL["Code article"]:DOC_COL["Motif d'exonération de TVA"] + 1]

FILES = {
    "reps": "Export des représentants.Txt",
    "prospects": "Export des prospects.Txt",
    "contacts": "Export des contacts.Txt",
    "articles": "Export des articles.Txt",
    "articles_xml": "articles.xml",
    "invoices": "Export des factures.Txt",
    "quotes": "Export des devis.Txt",
}
CUSTOMERS_FILE = "Export des clients.Txt"

# Sage caps codes: representatives, prospects and customers 13, articles 15.
MAX_CODE = {"reps": 13, "prospects": 13, "contacts": 13, "articles": 15}

# ------------------------------------------------------------------- small helpers


def luhn_digit(payload: str) -> str:
    """Digit that makes payload + digit pass the Luhn test."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:  # doubled once the check digit is appended
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str(-total % 10)


def luhn_ok(number: str) -> bool:
    return number.isdigit() and luhn_digit(number[:-1]) == number[-1]


def siren(body8: str) -> str:
    return body8 + luhn_digit(body8)


def siret(siren9: str, nic4: str) -> str:
    return siren9 + nic4 + luhn_digit(siren9 + nic4)


def vat_fr(siren9: str) -> str:
    return f"FR{(12 + 3 * (int(siren9) % 97)) % 97:02d}{siren9}"


def ean13(body12: str) -> str:
    s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body12))
    return body12 + str(-s % 10)


def slug(text: str, sep: str = "") -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", sep, t.lower()).strip(sep)


def money(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100},{abs(cents) % 100:02d}"


def tenths(t: int) -> str:
    """A rate held in tenths of a percent, as Sage writes it: 200 -> 20, 55 -> 5,5."""
    return str(t // 10) if t % 10 == 0 else f"{t // 10},{t % 10}"


def qty(m: int) -> str:
    """A quantity held in thousandths, without trailing zeros: 2500 -> 2,5."""
    whole, frac = divmod(m, 1000)
    return str(whole) if frac == 0 else f"{whole},{frac:03d}".rstrip("0")


def ddmmyyyy(d: datetime.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def div_round(num: int, den: int) -> tuple[int, bool]:
    """num/den rounded to the nearest integer (num >= 0), and whether it was a tie.
    Ties are avoided in every amount written, so any rounding rule gives the same total."""
    q, r = divmod(num, den)
    return q + (2 * r >= den), 2 * r == den


def line_ht(q_milli: int, pu_cents: int, disc_tenths: int) -> tuple[int, bool]:
    """round2(Quantité × PU HT × (1 − remise/100)), in cents."""
    return div_round(q_milli * pu_cents * (1000 - disc_tenths), 1000 * 1000)


def price_ttc(pu_cents: int, rate_tenths: int) -> tuple[int, bool]:
    return div_round(pu_cents * (1000 + rate_tenths), 1000)


def doc_totals(lines) -> tuple[int, int, bool]:
    """(HT, TVA) in cents of (q_milli, pu_cents, disc_tenths, rate_tenths) lines, and
    whether any rounding met a tie. TVA is rounded once per rate, over the rate's HT."""
    by_rate: dict[int, int] = {}
    tie = False
    for q_milli, pu, disc, rate in lines:
        ht, t = line_ht(q_milli, pu, disc)
        tie |= t
        by_rate[rate] = by_rate.get(rate, 0) + ht
    tva = 0
    for rate, ht in by_rate.items():
        v, t = div_round(ht * rate, 1000)
        tie |= t
        tva += v
    return sum(by_rate.values()), tva, tie


def xml_name(label: str) -> str:
    """Element name for a label, as in clients.xml: accents kept, °() dropped, other
    characters a name cannot hold turned into _."""
    s = label.replace("°", "").replace("(", "").replace(")", "")
    s = "".join(ch if (ch.isalnum() or ch in "-._") else "_" for ch in s)
    return re.sub(r"_+", "_", s).strip("_")


def record(labels, values: dict) -> list[str]:
    unknown = set(values) - set(labels)
    assert not unknown, f"misspelt labels: {unknown}"
    return [values.get(label, "") for label in labels]


class TabExport:
    """What Sage 50 writes: TAB, Windows-1252, CRLF, no quoting."""

    def __init__(self, path: Path, labels):
        self.f = open(path, "wb")
        self.width = len(labels)
        self.line = 0
        self.write(labels)

    def write(self, values) -> int:
        assert len(values) == self.width
        for v in values:
            if "\t" in v or "\r" in v or "\n" in v:
                raise ValueError(f"TAB, CR or LF in a value: {v!r}")
        # strict: a character Windows-1252 cannot hold is a bug in the tables below
        self.f.write(("\t".join(values) + "\r\n").encode("cp1252"))
        self.line += 1
        return self.line

    def close(self):
        self.f.close()


def write_expected(path: Path, issues) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line, key, reason in sorted(issues):
            f.write(f"{line}\t{key}\t{reason}\n")


# -------------------------------------------------------------- representatives

# Dossier owner: a wholesaler serving bakers, restaurants and craftsmen.
DOMAIN = "valmont-distribution.fr"

# (code, name, title, job, region, phone, mobile, fax, addr1, addr2, postcode, city,
#  commission, e-mail); names match "Nom Représentant" in the customers sample.
REPS = [
    ("R01", "Sophie LAMBERT", "Mme", "Responsable de secteur", "Île-de-France",
     "01 46 05 72 18", "06.12.48.73.25", "01 46 05 72 19", "14 rue des Acacias", "",
     "92100", "Boulogne-Billancourt", "5,00", "s.lambert@" + DOMAIN),
    ("R02", "Thomas GIRAUD", "M.", "Attaché commercial", "Auvergne-Rhône-Alpes",
     "04 72 61 38 90", "06 70 21 84 36", "", "27 avenue Jean Jaurès", "Bâtiment C",
     "69007", "Lyon", "4,50", "t.giraud@" + DOMAIN),
    ("R03", "Nadia BENALI", "Mme", "Commerciale sédentaire",
     "Provence-Alpes-Côte d'Azur", "04 91 22 47 65", "07.81.54.22.09", "",
     "5 boulevard Michelet", "", "13008", "Marseille", "4,00", "n.benali@" + DOMAIN),
    ("R04", "Julien ROUSSEL", "M.", "Responsable grands comptes", "Grand Est",
     "03 88 36 14 52", "06 58 93 17 44", "03 88 36 14 53", "2 quai Kléber", "",
     "67000", "Strasbourg", "6,00", "j.roussel@" + DOMAIN),
    ("R05", "Claire FONTAINE", "Mme", "Directrice commerciale", "Nouvelle-Aquitaine",
     "05 56 44 81 20", "06.33.70.58.12", "", "41 cours de l'Intendance", "", "33000",
     "Bordeaux", "2,50", "c.fontaine@" + DOMAIN),
    ("R06", "Loïc LE GALL", "M.", "Commercial itinérant", "Bretagne", "02 99 31 65 07",
     "06 45 12 98 71", "", "9 rue de Saint-Malo", "Résidence Les Hortensias", "35000",
     "Rennes", "3,00", "l.legall@" + DOMAIN),
]


def write_reps(sage: Path, expected: Path) -> int:
    out = TabExport(sage / FILES["reps"], REP_LABELS)
    issues = []

    def row(code, name, title, job, region, phone, mobile, fax, a1, a2, cp, city, comm,
            mail):
        return out.write(record(REP_LABELS, {
            "Code": code, "Nom": name, "Titre": title, "Fonction": job, "Région": region,
            "Téléphone": phone, "Portable": mobile, "Fax": fax, "Adresse 1": a1,
            "Adresse 2": a2, "Code Postal": cp, "Ville": city, "Code Pays": "FR",
            "Pays": "France", "Commission": comm, "E-mail": mail}))

    lines = {r[0]: row(*r) for r in REPS[:3]}
    n = row("", "Hélène MERCIER", "Mme", "Assistante commerciale", "Île-de-France",
            "01 46 05 72 20", "", "", "14 rue des Acacias", "", "92100",
            "Boulogne-Billancourt", "0,00", "h.mercier@" + DOMAIN)
    issues.append((n, "", "missing-key"))
    for r in REPS[3:5]:
        lines[r[0]] = row(*r)
    code = "REP-BRUNO-FAURE"  # 15 characters: Sage allows 13
    n = row(code, "Bruno FAURE", "M.", "Agent commercial", "Occitanie", "05 61 23 45 78",
            "06 84 62 19 30", "", "18 allées Jean Jaurès", "", "31000", "Toulouse",
            "8,00", "b.faure@" + DOMAIN)
    issues.append((n, code, "key-too-long"))
    lines["R06"] = row(*REPS[5])
    n = row("R07", "Aurélie CARON", "Mme", "Commerciale terrain", "Hauts-de-France",
            "03 20 14 58 96", "07 62 31 45 80", "", "3 place du Théâtre", "", "59000",
            "Lille", "3,50", "aurelie.caron." + DOMAIN)  # no @
    issues.append((n, "R07", "invalid-email"))
    # an old record of a rep who left, re-created under a code already in use
    n = row("R03", "Marc DUVAL", "M.", "Ancien commercial (parti en 2023)",
            "Provence-Alpes-Côte d'Azur", "04 91 22 47 66", "", "", "5 boulevard Michelet",
            "", "13008", "Marseille", "4,00", "m.duval@" + DOMAIN)
    issues += [(lines["R03"], "R03", "duplicate-key"), (n, "R03", "duplicate-key")]
    out.close()
    write_expected(expected / (FILES["reps"] + ".expected.tsv"), issues)
    return out.line - 1


# -------------------------------------------------------------------- prospects

# Representatives used in the new files leave out R03: the representatives sample rejects
# it (duplicate code), and a document or prospect should show one defect at a time.

def prospect_rows():
    """(values, defect or None) per row, in file order."""
    rows = []

    def p(code, nom, soc, forme, a1, cp, ville, tel, mail, siren8, nic, rep, created,
          family, contact=("", "", "", "", "", ""), a2="", a3="", pays="France", port="",
          fax="", url="", obs="", ctype="Professionnel", siret_style=0, vat_style=0,
          defect=None):
        v = {"Code prospect": code, "Nom": nom, "Société": soc, "Forme juridique": forme,
             "Adresse 1": a1, "Adresse 2": a2, "Adresse 3": a3, "Code Postal": cp,
             "Ville": ville, "Pays": pays, "Téléphone": tel, "Portable": port, "Fax": fax,
             "E-mail": mail, "URL": url, "Représentant": rep, "Observations": obs,
             "Date de création": created, "Famille clients": family,
             "Type de client": ctype}
        if siren8:
            s9 = siren(siren8)
            st = siret(s9, nic)
            if defect == "invalid-siret":  # one wrong digit breaks the Luhn sum
                st = st[:-1] + str((int(st[-1]) + 1) % 10)
                assert not luhn_ok(st)
            v["SIRET"] = f"{st[:3]} {st[3:6]} {st[6:9]} {st[9:]}" if siret_style else st
            vat = vat_fr(s9)
            v["N° TVA intracom"] = f"{vat[:2]} {vat[2:4]} {vat[4:]}" if vat_style else vat
        (v["Nom du contact"], v["Titre du contact"], v["Fonction  du contact"],
         v["Téléphone  du contact"], v["Portable du contact"],
         v["E-mail du contact"]) = contact
        rows.append((v, defect))

    p("P00001", "Pâtisserie Lefort", "Pâtisserie Lefort", "SARL", "12 rue Nationale",
      "59000", "Lille", "03 20 55 12 48", "contact@patisserie-lefort.fr", "51234870",
      "0014", "R01", "03/09/2026", "ARTISAN",
      ("Claire Dubois", "Mme", "Gérante", "03 20 55 12 49", "06.20.62.71.48",
       "claire.dubois@patisserie-lefort.fr"),
      obs="Rencontrée au salon Europain ; rappeler en octobre")
    p("P00002", "Brasserie de l'Œillet", "Brasserie de l'Œillet", "SAS",
      "4 place Masséna", "06000", "Nice", "04 93 93 86 71",
      "reservation@brasserie-oeillet.fr", "82471536", "0012", "R05", "08/09/2026",
      "RESTAURATION",
      ("M. Jean-Pierre DURAND", "M.", "Directeur", "04 93 93 86 70", "06 11 42 87 35",
       "jp.durand@brasserie-oeillet.fr"),
      url="www.brasserie-oeillet.fr", siret_style=1)
    p("P00003", "FOURNIER Marc", "Garage Fournier & Fils", "SARL", "87 route de Paris",
      "37000", "Tours", "02.47.20.65.31", "garage.fournier@orange.fr", "44819023",
      "0021", "R02", "10/09/2026", "ARTISAN",
      ("Marc Fournier", "M.", "Gérant", "02.47.20.65.31", "06.74.18.22.90",
       "garage.fournier@orange.fr"), a2="ZA des Grands Champs")
    p("P00004", "Hôtel Les Mouettes", "Hôtel Les Mouettes", "SAS", "2 quai Duperré",
      "17000", "La Rochelle", "05 46 41 22 87", "accueil@hotel-les-mouettes.fr",
      "79305128", "0017", "R05", "14/09/2026", "RESTAURATION",
      ("Isabelle Moreau", "Mme", "Responsable achats", "05 46 41 22 80", "",
       "i.moreau@hotel-les-mouettes.fr"), fax="05 46 41 22 88",
      obs="Franco de port demandé à partir de 300 € HT", vat_style=1)
    p("P00005", "Cabinet Vasseur Conseil", "Cabinet Vasseur Conseil", "EURL",
      "18 boulevard Victor Hugo", "80000", "Amiens", "03 22 91 40 16",
      "contact@vasseur-conseil.fr", "39052714", "0011", "", "15/09/2026", "PME",
      ("M. Olivier VASSEUR", "M.", "Gérant", "03 22 91 40 16", "07 81 20 36 54",
       "o.vasseur@vasseur-conseil.fr"), a3="BP 214")
    # no code at all: the converter cannot key it
    p("", "Café des Sports", "Café des Sports", "SNC", "1 place de la Mairie", "21000",
      "Dijon", "03 80 30 45 12", "cafe.des.sports@wanadoo.fr", "60318245", "0016", "R04",
      "16/09/2026", "RESTAURATION",
      ("Mme Agnès ROBIN", "Mme", "Gérante", "03 80 30 45 12", "", ""),
      defect="missing-key")
    p("P00006", "Menuiserie Caron", "Menuiserie Caron", "SARL", "9 impasse du Moulin",
      "80090", "Amiens", "03 22 45 78 12", "menuiserie.caron@free.fr", "47526389", "0013",
      "R01", "17/09/2026", "ARTISAN",
      ("Sébastien Caron", "M.", "Gérant", "03 22 45 78 12", "06 52 14 87 33",
       "menuiserie.caron@free.fr"), defect="invalid-siret")
    p("P00007", "DUPUIS Martine", "", "Madame", "25 allée des Tilleuls", "49100", "Angers",
      "02 41 87 55 20", "martine.dupuis@orange.fr", "", "", "R02", "18/09/2026",
      "PARTICULIER", port="06 43 90 12 77", ctype="Particulier")
    p("P00008", "Mairie de Saint-Malo", "Mairie de Saint-Malo", "", "place Chateaubriand",
      "35400", "Saint-Malo", "02 99 40 71 11", "accueil@mairie-saint-malo.fr", "21350288",
      "0015", "R01", "21/09/2026", "COLLECTIVITE",
      ("Françoise Le Bihan", "Mme", "Responsable des achats publics", "02 99 40 71 40",
       "", "f.lebihan@mairie-saint-malo.fr"), a3="CS 21826", ctype="Administration")
    p("P00009", "Épicerie Fine Le Gall", "Épicerie Fine Le Gall", "EI", "36 rue de Siam",
      "29200", "Brest", "02 98 44 21 63", "bonjour@epicerie-legall.fr", "88214607", "0019",
      "R01", "22/09/2026", "REVENDEUR",
      ("Gwenaëlle Le Gall", "Mme", "Gérante", "02 98 44 21 63", "06.62.41.08.59",
       "gwenaelle@epicerie-legall.fr"), url="www.epicerie-legall.fr")
    p("P00010", "Traiteur Aux Délices d'Antan", "Traiteur Aux Délices d'Antan", "SARL",
      "7 rue des Forges", "21000", "Dijon", "0380456217",
      "commandes@delices-dantan.fr", "53087421", "0018", "R04", "24/09/2026",
      "RESTAURATION",
      ("M. Pierre BOURGEOIS", "M.", "Chef de cuisine", "03 80 45 62 18", "06 27 84 51 09",
       "p.bourgeois@delices-dantan.fr"))
    # neither Nom nor Société: nothing to call the account in SM
    p("P00011", "", "", "SARL", "55 rue du Commerce", "45000", "Orléans",
      "02 38 62 17 94", "contact@transports-ligeriens.fr", "71930254", "0010", "R02",
      "25/09/2026", "PME",
      ("Nicolas Petit", "M.", "Responsable logistique", "02 38 62 17 95", "",
       "n.petit@transports-ligeriens.fr"), defect="missing-required")
    p("P00012", "Boulangerie Peeters", "Boulangerie Peeters", "SRL", "Rue Féronstrée 112",
      "4000", "Liège", "+32 4 223 45 67", "info@boulangerie-peeters.be", "", "", "R04",
      "28/09/2026", "EXPORT",
      ("Anne Peeters", "Mme", "Gérante", "+32 4 223 45 67", "+32 475 12 34 56",
       "anne@boulangerie-peeters.be"), pays="Belgique")
    # Belgian enterprise number: 8 digits, then 97 minus their remainder by 97
    rows[-1][0]["N° TVA intracom"] = "BE" + "04581237" + f"{97 - 4581237 % 97:02d}"
    p("P00013", "Comptoir des Îles", "Comptoir des Îles", "SAS", "1 rue du Temple",
      "99001", "Poséidonia", "", "contact@comptoir-des-iles.fr", "", "", "R05",
      "29/09/2026", "EXPORT",
      ("Hugo Marchand", "M.", "Acheteur", "", "", "h.marchand@comptoir-des-iles.fr"),
      pays="Atlantide", defect="unknown-country")
    p("P00014", "Fromagerie du Vieux Moulin", "Fromagerie du Vieux Moulin", "SAS",
      "3 chemin des Vignes", "74000", "Annecy", "04 50 51 27 63",
      "contact@fromagerie-vieux-moulin.fr", "90142385", "0023", "R05", "01/10/2026",
      "REVENDEUR",
      ("Chloé Vidal", "Mme", "Responsable achats", "04 50 51 27 60", "06 19 73 42 85",
       "c.vidal@fromagerie-vieux-moulin.fr"))
    p("P00015", "QUINCAILLERIE MODERNE", "Quincaillerie Moderne", "SARL", "14 rue Gambetta",
      "64000", "Pau", "05.59.27.84.10", "quincaillerie.moderne@laposte.net", "66425193",
      "0027", "", "02/10/2026", "REVENDEUR",
      ("Alain Lacroix", "M.", "Gérant", "05.59.27.84.10", "", ""), siret_style=1)
    return rows


def write_prospects(sage: Path, expected: Path) -> int:
    out = TabExport(sage / FILES["prospects"], PROSPECT_LABELS)
    issues = []
    for v, defect in prospect_rows():
        n = out.write(record(PROSPECT_LABELS, v))
        if defect:
            issues.append((n, v["Code prospect"], defect))
    out.close()
    write_expected(expected / (FILES["prospects"] + ".expected.tsv"), issues)
    return out.line - 1


# --------------------------------------------------------------------- customers


def read_customers(sage: Path) -> dict[str, dict]:
    """The customers sample, code -> label -> value (first row per code)."""
    path = sage / CUSTOMERS_FILE
    if not path.exists():
        path = REPO / "samples" / "sage" / CUSTOMERS_FILE
    if not path.exists():
        sys.exit(f"{CUSTOMERS_FILE} not found: run generate_customers.py first")
    text = path.read_bytes().decode("cp1252")
    rows = [line.split("\t") for line in text.split("\r\n") if line]
    labels = rows[0]
    out = {}
    for r in rows[1:]:
        rec = dict(zip(labels, r))
        if rec["Code"]:
            out.setdefault(rec["Code"], rec)
    return out


# Customers that the customers sample converts (some with a warning), French, local VAT:
# the only ones documents and contacts refer to. Left out: C00001 (duplicate), C00003 and C00011 (no such code), C00019
# (code too long), C00027 (no name), and the foreign and overseas ones.
USABLE_CUSTOMERS = [
    "C00004", "C00005", "C00007", "C00008", "C00009", "C00012", "C00013", "C00015",
    "C00016", "C00017", "C00018", "C00020", "C00021", "C00022", "C00025", "C00026",
    "C00028", "C00031", "C00032", "C00033", "C00035", "C00036", "C00037", "C00039",
    "C00040",
]


def company_domain(cust: dict) -> str:
    return cust["E-mail"].split("@", 1)[1]


# --------------------------------------------------------------------- contacts

# (Code client, Code contact, Civilité, Nom, Prénom, Fonction, Téléphone, Portable,
#  Observations, defect); e-mail built from the company's domain unless given in defect
CONTACTS = [
    ("C00004", "CT0001", "M.", "Arnaud", "Philippe", "Gérant", "02 35 71 42 18",
     "06 81 22 47 93", "Contact principal", None),
    ("C00004", "CT0002", "Mme", "Leclerc", "Sandrine", "Comptable", "02 35 71 42 19", "",
     "", None),
    ("C00005", "CT0003", "M.", "Gauthier", "Loïc", "Gérant", "04.78.85.12.36",
     "06.12.85.47.20", "", None),
    ("C00005", "", "Mme", "Perrin", "Agnès", "Assistante de direction", "04.78.85.12.37",
     "", "", None),
    ("C00007", "CT0004", "M.", "Benali", "Antoine", "Directeur", "01 43 99 21 05",
     "07 68 14 52 39", "", None),
    ("C00007", "CT0005", "Mme", "Lacroix", "Émilie", "Cheffe de cuisine", "01 43 99 21 07",
     "", "Commandes de cuisine le mardi", None),
    ("C00009", "CT0006", "M.", "Blanc", "Jérôme", "Caviste", "01 42 36 58 14",
     "06 30 27 81 46", "", None),
    ("C99999", "CT0020", "Mme", "Roche", "Valérie", "Gérante", "03 80 41 27 56", "", "",
     "unknown-reference"),
    ("C00012", "CT0007", "M.", "Dumont", "Stéphane", "Boucher", "01 45 67 12 90", "", "",
     None),
    ("C00013", "", "Mme", "Nguyen", "Camille", "Pharmacienne titulaire", "04 67 58 31 22",
     "06 21 47 93 80", "", None),
    ("C00015", "CT0008", "Mme", "Lefebvre", "Hélène", "Responsable administrative",
     "01 46 21 88 30", "", "Envoyer les factures par e-mail", None),
    ("C00015", "CT0009", "M.", "Chevalier", "Lucas", "Gérant", "01 46 21 88 31",
     "06 77 12 40 58", "", None),
    ("C00015", "CT0010", "M.", "Da Silva", "Karim", "Chef d'atelier", "01 46 21 88 35",
     "06 41 90 23 67", "", None),
    ("C00025", "CT0021", "", "", "", "Standard", "02 31 85 42 10", "", "",
     "missing-required"),
    ("C00017", "CT0011", "Mme", "Thomas", "Élodie", "Gouvernante générale",
     "01 48 74 20 16", "", "", None),
    ("C00018", "CT0012", "M.", "Schmitt", "François",
     "Responsable des services techniques", "03 81 61 50 50", "", "", None),
    ("C00018", "", "Mme", "Joly", "Nathalie", "Service comptabilité", "03 81 61 50 62",
     "", "Bons de commande obligatoires", None),
    ("", "CT0022", "M.", "Garnier", "Benoît", "Commercial", "05 56 12 48 70", "", "",
     "missing-required"),
    ("C00020", "CT0013", "M.", "Renard", "Alain", "Chef d'atelier", "05 56 91 34 72",
     "06 85 20 61 47", "", None),
    ("C00022", "CT0014", "M.", "Michel", "Julien", "Responsable de fabrication",
     "02 98 46 17 35", "", "", None),
    ("C00033", "CT0023", "M.", "Lucas", "Mathieu", "Boulanger", "02 35 88 14 26", "",
     "", "invalid-email"),
    ("C00028", "CT0015", "M.", "Noël", "Jérôme", "Gérant", "01 41 31 26 84",
     "06 58 71 30 92", "", None),
    ("C00031", "CT0016", "Mme", "Arnaud", "Élodie", "Directrice de salle",
     "04 50 45 62 18", "", "", None),
    ("C00035", "CT0024", "M.", "Perrin", "Frédéric", "Plombier chauffagiste", "12",
     "06 13 57 24 68", "", "invalid-phone"),
    ("C00036", "", "Mme", "Dubois", "Anne", "Gérante", "04 77 32 15 48", "", "", None),
    ("C00040", "CT0017", "M.", "Lefèvre", "Christophe", "Responsable achats",
     "05 55 79 40 21", "07 72 18 46 35", "", None),
    ("C00012", "CT0007", "Mme", "Dumont", "Sylvie", "Caissière", "01 45 67 12 91", "", "",
     "duplicate-key"),
    ("P00002", "CT0018", "Mme", "Lemoine", "Françoise", "Cheffe de cuisine",
     "04 93 93 86 72", "06 24 71 58 30", "Rappeler après le service de midi", None),
    ("P00004", "CT0019", "M.", "Morel", "Yannick", "Directeur", "05 46 41 22 81", "", "",
     None),
    ("P00009", "", "M.", "Le Gall", "Erwan", "Associé", "02 98 44 21 64",
     "06 88 20 14 73", "", None),
]

# e-mail domains of the companies that are not customers of the sample
OTHER_DOMAINS = {"P00002": "brasserie-oeillet.fr", "P00004": "hotel-les-mouettes.fr",
                 "P00009": "epicerie-legall.fr", "C99999": "boulangerie-roche.fr",
                 "": "garnier-agencement.fr"}


def write_contacts(sage: Path, expected: Path, customers: dict) -> int:
    out = TabExport(sage / FILES["contacts"], CONTACT_LABELS)
    issues = []
    first_line = {}
    for owner, code, civ, nom, prenom, job, tel, port, obs, defect in CONTACTS:
        assert owner in USABLE_CUSTOMERS or owner in OTHER_DOMAINS, owner
        if owner in customers:
            domain = company_domain(customers[owner])
        else:
            domain = OTHER_DOMAINS[owner]
        mail = f"{slug(prenom)}.{slug(nom)}@{domain}" if nom else f"accueil@{domain}"
        if defect == "invalid-email":
            mail = mail.replace("@", ".")
        n = out.write(record(CONTACT_LABELS, {
            "Code client": owner, "Code contact": code, "Civilité": civ, "Nom": nom,
            "Prénom": prenom, "Fonction": job, "Téléphone": tel, "Portable": port,
            "E-mail": mail, "Observations": obs}))
        if defect == "duplicate-key":
            issues.append((first_line[code], code, defect))
        if defect:
            issues.append((n, code, defect))
        first_line.setdefault(code, n)
    out.close()
    write_expected(expected / (FILES["contacts"] + ".expected.tsv"), issues)
    return out.line - 1


# --------------------------------------------------------------------- articles

VAT_CODES = {200: "1", 100: "2", 55: "3", 21: "4", 0: "5"}  # the dossier's VAT codes

# (code, short, long, family, brand, HT cents, VAT tenths, unit, purchase cents,
#  stock (thousandths) or None when not tracked, minimum stock, EAN body or "",
#  flags (B = bloqué, S = mis en sommeil, I = inutilisé, W = publiable), created,
#  picture path as written in Sage)
ARTICLES = [
    ("ART0001", "Perceuse-visseuse 18 V",
     "Perceuse-visseuse sans fil 18 V, 2 batteries 2 Ah, chargeur et coffret",
     "OUTILLAGE", "Ferronor", 18900, 200, "Pièce", 11240, 14000, 3, "376012345001", "W",
     "12/03/2021", r"C:\Sage\Images\ART0001.jpg"),
    ("ART0002", "Farine de blé T65 – sac 25 kg",
     "Farine de blé tradition française T65, sac papier de 25 kg", "EPICERIE",
     "Moulins de l'Aube", 2190, 55, "Sac", 1420, 42000, 10, "376012345002", "",
     "05/01/2019", ""),
    ("ART0003", "Huile d'olive vierge extra 5 L",
     "Huile d'olive vierge extra, première pression à froid, bidon de 5 L", "EPICERIE",
     "Oliveraie du Sud", 3850, 55, "Bidon", 2610, None, 0, "376012345003", "W",
     "18/06/2020", r"\\serveur\partage\img\ART0003.png"),
    ("ART0004", "Café grains pur arabica", "Café en grains 100 % arabica, torréfaction "
     "artisanale, vendu au kilo", "EPICERIE", "Brûlerie Saint-Roch", 1845, 55, "kg",
     1130, 37500, 10, "", "", "22/09/2022", ""),
    ("ART0005", "Œufs frais plein air x30", "Œufs frais de poules élevées en plein air, "
     "calibre moyen, plateau de 30", "EPICERIE", "Ferme des Trois Chênes", 1190, 55,
     "Plateau", 780, 60000, 20, "376012345005", "", "02/02/2023", "ART0005.jpg"),
    ("ART0006", "Tablier de cuisine coton", "Tablier à bavette, coton sergé blanc, poche "
     "kangourou", "EQUIPEMENT", "Atelier Sud", 1490, 200, "Pièce", 690, None, 0, "", "W",
     "14/04/2020", r"C:\Sage\Images\tablier-coton-blanc.jpg"),
    ("ART0007", "Gants nitrile bleus x100", "Gants jetables en nitrile non poudrés, "
     "taille M, boîte de 100", "HYGIENE", "Protecta", 895, 200, "Boîte", 410, 0, 24,
     "376012345007", "", "09/11/2021", ""),
    ("ART0008", "Pose et mise en service", "Main-d'œuvre de pose et de mise en service "
     "d'équipement dans un local existant", "SERVICES", "", 5800, 100, "Heure", 0, None, 0,
     "", "", "01/01/2019", ""),
    ("ART0009", "Four mixte 6 niveaux GN 1/1", "Four mixte électrique 6 niveaux GN 1/1, "
     "injection directe, écran tactile", "EQUIPEMENT", "Thermia", 489000, 200, "Pièce",
     352100, None, 0, "", "W", "30/05/2022", r"C:\Sage\Images\ART0009.jpg"),
    ("ART0010", "Revue Le Fournil – abonnement 1 an", "Abonnement annuel à la revue "
     "professionnelle Le Fournil, 11 numéros", "PRESSE", "Éditions du Pétrin", 6900, 21,
     "Abonnement", 5200, None, 0, "", "", "15/10/2020", ""),
    ("ART0011", 'Clé dynamométrique 1/2" 40-200 Nm', "Clé dynamométrique à déclenchement, "
     "carré 1/2\", 40 à 200 Nm, certificat d'étalonnage", "OUTILLAGE", "Ferronor", 12950,
     200, "Pièce", 7480, None, 0, "376012345011", "", "07/07/2021", r"C:\Images\.."),
    ("ART0012", "Formation hygiène HACCP", "Formation hygiène alimentaire HACCP en "
     "restauration commerciale, 2 jours (exonérée)", "SERVICES", "", 39000, 0, "Jour", 0,
     None, 0, "", "W", "03/03/2023", ""),
    ("ART0013", "Sucre semoule – sac 10 kg", "Sucre blanc semoule, sac de 10 kg",
     "EPICERIE", "Sucrerie de Picardie", 1275, 55, "Sac", 860, 25000, 5, "376012345013",
     "", "05/01/2019", "ART0013.png"),
    ("ART0014", "Crème fraîche épaisse 1 L", "Crème fraîche épaisse 35 % MG, pot de 1 L",
     "EPICERIE", "Laiterie de Normandie", 645, 55, "Pot", 410, 18000, 6, "376012345014",
     "", "11/02/2022", ""),
    ("ART0015", "Eau minérale gazeuse 6 × 1 L", "Eau minérale naturelle gazeuse, pack de 6 "
     "bouteilles de 1 L", "BOISSONS", "Source des Alpes", 465, 55, "Pack", 290, 120000,
     30, "376012345015", "", "19/08/2020", r"\\serveur\partage\img\ART0015.png"),
    ("ART0016", "Jus de pomme artisanal 1 L", "Pur jus de pomme de Normandie, pressé à "
     "la ferme, bouteille en verre de 1 L", "BOISSONS", "Cidrerie du Bocage", 385, 55,
     "Bouteille", 220, None, 0, "376012345016", "", "24/09/2021", ""),
    ("ART0017", "Vin rouge Côtes-du-Rhône 75 cl", "Côtes-du-Rhône AOC rouge, millésime "
     "2023, bouteille de 75 cl", "BOISSONS", "Domaine des Garrigues", 895, 200,
     "Bouteille", 540, 60000, 12, "376012345017", "W", "17/11/2023",
     r"C:\Sage\Images\ART0017.jpg"),
    ("ART0018", "Détergent sol 5 L", "Détergent désinfectant pour sols, bidon de 5 L",
     "HYGIENE", "Protecta", 2240, 200, "Bidon", 1270, 9000, 4, "", "", "08/03/2020",
     "ART0018.png"),
    ("ART0019", "Sacs kraft à poignées x250", "Sacs kraft brun à poignées torsadées "
     "26 x 17 x 25 cm, carton de 250", "EMBALLAGE", "Emballages Duval", 6480, 200,
     "Carton", 3950, 0, 2, "", "", "12/12/2022", ""),
    ("ART0020", "Boîtes pâtissières 24 cm x50", "Boîtes pâtissières carton blanc "
     "24 x 24 cm, lot de 50", "EMBALLAGE", "Emballages Duval", 3120, 200, "Lot", 1890,
     None, 0, "", "B", "06/05/2019", r"C:\Sage\Images\ART0020.png"),
    ("ART0021", "Scie circulaire 190 mm", "Scie circulaire 1 400 W, lame carbure 190 mm, "
     "guide parallèle", "OUTILLAGE", "Ferronor", 14900, 200, "Pièce", 9120, 2000, 1,
     "376012345021", "S", "21/01/2018", r"\\serveur\partage\img\ART0021.png"),
    ("ART0022", "Coffret embouts de vissage 32 pcs", "Coffret de 32 embouts de vissage "
     "acier S2 avec porte-embout magnétique", "OUTILLAGE", "Ferronor", 2490, 200, "Coffret",
     1320, None, 0, "", "I", "14/02/2017", ""),
    ("ART0023", "Beurre doux AOP Charentes-Poitou", "Beurre doux AOP Charentes-Poitou "
     "82 % MG, vendu au kilo", "EPICERIE", "Laiterie de Surgères", 1390, 55, "kg", 980,
     12500, 5, "", "", "16/06/2021", "ART0023.png"),
    ("ART0024", "Chocolat de couverture noir 70 %", "Chocolat de couverture noir 70 % "
     "cacao, pistoles, vendu au kilo", "EPICERIE", "Cacaoyère Bordelaise", 2150, 55, "kg",
     1460, 7250, 3, "", "W", "04/10/2022", ""),
    ("ART0025", "", "", "EMBALLAGE", "Emballages Duval", 1890, 200, "Rouleau", 1120, None,
     0, "", "", "27/01/2024", ""),
    ("ART0026", "Livraison express", "Frais de livraison express sous 24 h, forfait par "
     "commande", "SERVICES", "", 2500, 200, "Forfait", 0, None, 0, "", "", "01/01/2019",
     ""),
    ("ART0027", "Moule à tarte inox 28 cm", "Moule à tarte à fond amovible, inox, "
     "diamètre 28 cm", "EQUIPEMENT", "Atelier Sud", 1250, 200, "Pièce", 640, None, 0, "",
     "", "13/05/2023", ""),
    ("ART0028", "Repas traiteur – formule midi", "Formule midi traiteur : entrée, plat, "
     "dessert, livrée sur site", "TRAITEUR", "", 1650, 100, "Couvert", 980, None, 0, "",
     "", "09/09/2024", r"C:\Sage\Images\ART0028.png"),
    ("ART0029", "Guide pratique du boulanger", "Guide pratique du boulanger-pâtissier, "
     "édition 2025, 320 pages", "LIBRAIRIE", "Éditions du Pétrin", 3200, 55, "Pièce", 2150,
     None, 0, "978201234567", "", "15/01/2025", ""),
    ("ART0030", "Balance de cuisine 15 kg", "Balance électronique de cuisine, portée "
     "15 kg, précision 1 g, plateau inox", "EQUIPEMENT", "Thermia", 8990, 200, "Pièce",
     5340, 4000, 1, "376012345030", "W", "25/03/2024", "ART0030.jpg"),
]
ART = {a[0]: a for a in ARTICLES}
# Pictures found by the article's code when Chemin image is empty.
PICTURES_BY_CODE = ["ART0007.png", "ART0019.jpg", "ART0024.png"]
# Articles the articles sample rejects; documents never use them.
REJECTED_ARTICLES = {"ART0014", "ART0025", "ART0027"}


def article_values(a, code=None, short=None, price=None) -> dict:
    (c, s, long_, fam, brand, ht, rate, unit, pa, stock, smin, ean, flags, created,
     img) = a
    ttc, tie = price_ttc(ht, rate)
    assert not tie, c
    v = {"Code": c if code is None else code, "Désignation courte": s if short is None else
         short, "Désignation longue": long_, "Famille": fam, "Marque": brand,
         "Prix de vente HT": money(ht) if price is None else price,
         "Prix de vente TTC": money(ttc), "Taux TVA": tenths(rate),
         "Code TVA": VAT_CODES[rate], "Unité": unit,
         "Prix d'achat HT": money(pa) if pa else "",
         "Code barre": ean13(ean) if ean else "", "Date de création": created,
         "Chemin image": img}
    if stock is not None:
        v["Suivi stock"] = "Oui"
        v["Stock réel"] = qty(stock)
        v["Stock minimum"] = str(smin)
    for flag, label in (("B", "Bloqué"), ("S", "Mis en sommeil"), ("I", "Article inutilisé"),
                        ("W", "Publiable sur le Web")):
        if flag in flags:
            v[label] = "Oui"
    return v


def article_rows():
    """(values, issues as (key, reason), or []) in file order."""
    rows = []
    for a in ARTICLES:
        code = a[0]
        if code == "ART0011":
            # missing code, placed before the unsafe path so the two are not neighbours
            rows.append((article_values(("", "Film étirable 45 cm x 300 m",
                         "Film étirable manuel transparent, 23 µm, rouleau 45 cm x 300 m",
                         "EMBALLAGE", "Emballages Duval", 1590, 200, "Rouleau", 870,
                         None, 0, "", "", "04/04/2022", "")), [("", "missing-key")]))
        if code == "ART0023":
            long_code = "ART0031-DESTOCKAGE"  # 18 characters: Sage allows 15
            rows.append((article_values((long_code, "Lot de déstockage outillage",
                         "Lot d'outillage à main en fin de série, vendu en l'état",
                         "OUTILLAGE", "", 9900, 200, "Lot", 0, None, 0, "", "",
                         "30/06/2025", "")), [(long_code, "key-too-long")]))
        issues = []
        if code == "ART0009":
            issues.append((code, "image-missing"))
        elif code == "ART0011":
            issues.append((code, "image-unsafe-path"))
        elif code == "ART0014":  # its second row comes last
            issues.append((code, "duplicate-key"))
        elif code == "ART0025":
            issues.append((code, "missing-required"))
        if code == "ART0027":
            rows.append((article_values(a, price="12,5O"), [(code, "bad-number")]))
        else:
            rows.append((article_values(a), issues))
    # a second ART0014, re-created by hand: both rows are rejected
    dup = article_values(ART["ART0014"], short="Crème fraîche liquide 1 L")
    dup["Désignation longue"] = "Crème fraîche liquide 30 % MG, brique de 1 L"
    dup["Code barre"] = ean13("376012345031")
    rows.append((dup, [("ART0014", "duplicate-key")]))
    return rows


def write_articles(sage: Path, expected: Path) -> int:
    rows = article_rows()
    out = TabExport(sage / FILES["articles"], ARTICLE_LABELS)
    issues = []
    for v, row_issues in rows:
        n = out.write(record(ARTICLE_LABELS, v))
        issues += [(n, key, reason) for key, reason in row_issues]
    out.close()
    write_expected(expected / (FILES["articles"] + ".expected.tsv"), issues)

    # XML: one <Article> per record, one field per line, as in clients.xml
    names = [xml_name(label) for label in ARTICLE_LABELS]
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<Articles>\n']
    line, xml_issues = 3, []
    for v, row_issues in rows:
        xml_issues += [(line, key, reason) for key, reason in row_issues]
        parts.append("    <Article>\n")
        for name, value in zip(names, record(ARTICLE_LABELS, v)):
            parts.append(f"        <{name}>{esc(value)}</{name}>\n" if value
                         else f"        <{name}/>\n")
        parts.append("    </Article>\n")
        line += 2 + len(names)
    parts.append("</Articles>\n")
    (sage / FILES["articles_xml"]).write_bytes("".join(parts).encode("utf-8"))
    write_expected(expected / (FILES["articles_xml"] + ".expected.tsv"), xml_issues)
    return len(rows)


# --------------------------------------------------------------------- pictures


def png(width: int, height: int, palette, pixels) -> bytes:
    """8-bit palette PNG. The deflate stream is made of stored blocks, so the bytes do not
    depend on the zlib build (compressed output may differ between versions)."""
    raw = b"".join(b"\x00" + bytes(pixels[y * width:(y + 1) * width]) for y in range(height))
    blocks, pos = [], 0
    while True:
        chunk = raw[pos:pos + 65535]
        pos += len(chunk)
        last = pos >= len(raw)
        blocks.append(struct.pack("<BHH", last, len(chunk), len(chunk) ^ 0xFFFF) + chunk)
        if last:
            break
    idat = b"\x78\x01" + b"".join(blocks) + struct.pack(">I", zlib.adler32(raw))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data)))

    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0))
            + chunk(b"PLTE", b"".join(bytes(c) for c in palette))
            + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def jpeg(tiles) -> bytes:
    """Baseline JPEG of 2 × 2 flat 8 × 8 colour tiles (16 × 16 pixels). A flat block has
    only a DC coefficient, so no DCT is needed: DC = 8 × (value − 128), quantised by 8."""
    def ycc(r, g, b):
        y = 0.299 * r + 0.587 * g + 0.114 * b
        cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b
        cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b
        return [max(0, min(255, int(c + 0.5))) - 128 for c in (y, cb, cr)]

    blocks = [ycc(*t) for t in tiles]  # MCU order: left to right, top to bottom
    diffs, pred = [], [0, 0, 0]
    for comps in blocks:
        for c in range(3):
            diffs.append(comps[c] - pred[c])
            pred[c] = comps[c]
    cats = sorted({abs(d).bit_length() for d in diffs})
    # one code length for every DC category used, short enough that no code is all ones
    length = 1
    while (1 << length) <= len(cats):
        length += 1
    code_of = {cat: i for i, cat in enumerate(cats)}

    bits = []
    for d in diffs:
        cat = abs(d).bit_length()
        bits += [(code_of[cat] >> (length - 1 - k)) & 1 for k in range(length)]
        v = d if d >= 0 else d + (1 << cat) - 1
        bits += [(v >> (cat - 1 - k)) & 1 for k in range(cat)]
        bits.append(0)  # AC table holds one symbol, EOB, coded "0"
    bits += [1] * (-len(bits) % 8)
    data = bytearray()
    for i in range(0, len(bits), 8):
        byte = int("".join(map(str, bits[i:i + 8])), 2)
        data.append(byte)
        if byte == 0xFF:
            data.append(0)  # byte stuffing

    def seg(marker: int, payload: bytes) -> bytes:
        return struct.pack(">HH", 0xFF00 | marker, len(payload) + 2) + payload

    counts = [0] * 16
    counts[length - 1] = len(cats)
    dc_table = bytes([0x00] + counts) + bytes(cats)
    ac_table = bytes([0x10, 1] + [0] * 15) + b"\x00"
    return (b"\xff\xd8"
            + seg(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
            + seg(0xDB, b"\x00" + bytes([8] * 64))
            + seg(0xC0, struct.pack(">BHHB", 8, 16, 16, 3)
                  + bytes([1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]))
            + seg(0xC4, dc_table + ac_table)
            + seg(0xDA, bytes([3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]))
            + bytes(data) + b"\xff\xd9")


def picture(name: str) -> bytes:
    """A small picture whose colours and pattern follow from its name."""
    h = zlib.crc32(name.encode())
    rng = random.Random(h)
    colours = [tuple(rng.randrange(256) for _ in range(3)) for _ in range(4)]
    if name.lower().endswith(".jpg"):
        return jpeg(colours)
    size, k = 16, 2 + h % 5
    pixels = [((x // k) + (y // k) * (1 + h % 3)) % 4 for y in range(size) for x in range(size)]
    return png(size, size, colours, pixels)


def picture_names() -> list[str]:
    """Every picture the articles sample finds, by path or by code."""
    names = set(PICTURES_BY_CODE)
    missing = {"ART0009", "ART0011"}  # image-missing and image-unsafe-path
    for a in ARTICLES:
        if a[14] and a[0] not in missing:
            names.add(re.split(r"[\\/]", a[14])[-1])
    return sorted(names)


def write_pictures(sage: Path) -> int:
    folder = sage / "images"
    folder.mkdir(exist_ok=True)
    names = picture_names()
    for name in names:
        (folder / name).write_bytes(picture(name))
    return len(names)


# -------------------------------------------------------------------- documents


# French e-invoicing mentions, as Sage's value lists word them. The VAT category goes
# with the line's rate (the 0 % article is an exempt training course); the billing
# framework says whether the document sells goods, services or both; the delivery
# columns hold the address the goods go to when it is not the customer's.
VAT_CATEGORY = {0: "E = Exonéré de TVA"}
STANDARD_CATEGORY = "S = Taux de TVA standard"
EXEMPTION_REASON = {0: "VATEX-EU-132-1I - Exonération (article 261-4-4° a du CGI)"}
SERVICE_FAMILIES = {"SERVICES", "TRAITEUR"}
# A delivery charge follows the goods it delivers: never a service of its own.
DELIVERY_CHARGES = {"ART0026"}
BILLING_FRAMEWORK = {
    "B": "B1 - Dépôt d'une facture de bien",
    "S": "S1 - Dépôt d'une facture de prestation de services",
    "M": "M1 - Dépôt d'une facture double (bien et prestation de services)",
}


def billing_framework(lines) -> str:
    """B1, S1 or M1 for priced lines (code, q_milli, disc_tenths)."""
    services = {ART[code][3] in SERVICE_FAMILIES for code, _, _ in lines
                if code not in DELIVERY_CHARGES}
    return BILLING_FRAMEWORK["M" if len(services) > 1 else "S" if True in services else "B"]


def delivery_address(cust: dict, site=None) -> dict:
    """The delivery columns of a document: the site given, else the customer's delivery
    address, else none (the goods go to the customer's address)."""
    if site is None:
        if not cust.get("Adresse 1 Livraison"):
            return {}
        site = (cust["Société Livraison"], cust["Adresse 1 Livraison"],
                cust["Adresse 2 Livraison"], cust["Adresse 3 Livraison"],
                cust["Code Postal Livraison"], cust["Ville Livraison"], cust["Pays Livraison"])
    company, a1, a2, a3, cp, city, pays = site
    return {"Société de livraison": company, "Adresse 1 de livraison": a1,
            "Adresse 2 de livraison": a2, "Adresse 3 de livraison": a3,
            "CP de livraison": cp, "Ville de livraison": city,
            "Code pays de livraison": "FR" if pays.lower() == "france" else "",
            "Pays de livraison": pays}


def doc_header(kind: str, number: str, date: str, cust_code: str, cust: dict, rep: str,
               total: str, **extra) -> list[str]:
    pays = cust["Pays"]
    v = {"Type de Ligne": "E", "Type de pièce": kind, "N° pièce": number,
         "Date pièce": date, "Code représentant pièce": rep, "Code client": cust_code,
         "Nom client": cust["Société"] or cust["Nom"],
         "Forme juridique": cust["Forme juridique"], "Adresse 1": cust["Adresse 1"],
         "Adresse 2": cust["Adresse 2"], "Adresse 3": cust["Adresse 3"],
         "Code postal": cust["Code Postal"], "Ville": cust["Ville"],
         "Code pays": "FR" if pays.lower() == "france" else "", "Pays": pays,
         "Nom contact": cust.get("Nom du contact", ""),
         "Code mode de paiement": cust["Mode de paiement"], "Mt total TTC": total}
    v.update(extra)
    return record(DOC_LABELS, v)


def doc_line(kind: str, number: str, n: int, code: str, q: str, pu: int, rate: int,
             disc: int, desc: str, unit: str) -> list[str]:
    ttc, tie = price_ttc(pu, rate)
    assert not tie
    return record(DOC_LABELS, {
        "Type de Ligne": "L", "Type de pièce": kind, "N° pièce": number,
        "Code article": code, "Quantité": q, "PU HT": money(pu), "PU TTC": money(ttc),
        "Taux TVA": tenths(rate), "Description": desc,
        "Taux remise ligne": tenths(disc) if disc else "", "N° ligne": str(n),
        "Unité": unit, "Catégorie de TVA": VAT_CATEGORY.get(rate, STANDARD_CATEGORY),
        "Motif d'exonération de TVA": EXEMPTION_REASON.get(rate, "")})


def comment_line(kind: str, number: str, n: int, text: str) -> list[str]:
    return record(DOC_LABELS, {
        "Type de Ligne": "L", "Type de pièce": kind, "N° pièce": number, "Quantité": "0",
        "Ligne commentaire": "Oui", "Description": text, "N° ligne": str(n)})


def draw_lines(rng: random.Random, count: int):
    """count priced lines (code, q_milli, disc_tenths) on distinct articles, redrawn
    until no amount meets a rounding tie."""
    usable = [a for a in ARTICLES if a[0] not in REJECTED_ARTICLES]
    while True:
        picks = rng.sample(usable, count)
        lines = []
        for a in picks:
            unit = a[7]
            if unit == "kg":
                q = rng.randrange(500, 12000)  # weighed: three decimals
            elif unit == "Heure":
                q = rng.randrange(1, 9) * 500
            elif a[5] >= 10000:  # equipment: a few at a time
                q = rng.choice([1, 1, 2, 3]) * 1000
            else:
                q = rng.choice([1, 1, 2, 2, 3, 4, 5, 6, 10, 12, 24]) * 1000
            disc = rng.choice([0, 0, 0, 0, 0, 50, 100, 100, 150, 25])
            lines.append((a[0], q, disc))
        _, _, tie = doc_totals([(q, ART[c][5], d, ART[c][6]) for c, q, d in lines])
        if not tie:
            return lines


def credited_lines(invoice_lines, count: int):
    """A credit note takes back part of what its invoice sold, at the same price and
    discount: about half of each of the first `count` lines."""
    lines = []
    for code, q, disc in invoice_lines[:count]:
        back = q // 2 if ART[code][7] == "kg" else max(1000, q // 2000 * 1000)
        while doc_totals([(back, ART[code][5], disc, ART[code][6])])[2]:
            back += 1000  # step off a rounding tie
        lines.append((code, back, disc))
    assert not doc_totals([(q, ART[c][5], d, ART[c][6]) for c, q, d in lines])[2]
    return lines


def document_specs():
    """The documents of the invoices and quotes samples, in file order."""
    inv = [
        # (number, customer, date, line count, options)
        ("FA000123", "C00004", "01/09/2026", 3, {"settled": True, "ref": "BC 2026-0412"}),
        ("FA000124", "C00005", "03/09/2026", 4, {"settled": True}),
        ("FA000125", "C00012", "07/09/2026", 2, {"settled": True,
                                                  "remark": "Livraison le matin avant 9 h"}),
        ("FA000126", "C00015", "10/09/2026", 3, {"defect": "totals-mismatch"}),
        ("", "C00017", "11/09/2026", 2, {"defect": "missing-key"}),
        ("FA000127", "C00020", "14/09/2026", 3, {"comment": 2}),
        ("FA000128", "C00022", "31/02/2026", 2, {"defect": "bad-date"}),
        ("FA000129", "C00028", "17/09/2026", 5, {"ref": "Commande du 12/09/2026"}),
        ("FA000130", "C00031", "21/09/2026", 3, {"defect": "bad-number"}),
        ("FA000131", "C00033", "24/09/2026", 2, {"draft": True}),
        ("FA000132", "C99999", "28/09/2026", 2, {"defect": "unknown-reference"}),
        ("FA000133", "C00036", "01/10/2026", 4, {}),
        ("FA000134", "C00008", "05/10/2026", 1, {}),
        ("FA000135", "C00040", "08/10/2026", 6, {"ref": "BC-LD-7781"}),
        ("AV000007", "C00012", "12/10/2026", 1, {"credit": "FA000125"}),
        ("AV000008", "C00028", "15/10/2026", 2, {"credit": "FA000129"}),
    ]
    quotes = [
        ("DE000041", "C00005", "06/10/2026", 3, {"ref": "SM-Q-000101"}),
        ("DE000042", "C00009", "09/10/2026", 2, {"ref": "SM-Q-000102"}),
        ("DE000043", "C00021", "13/10/2026", 4, {
            "ref": "SM-Q-000103",
            # delivered to the customer's other workshop, not to its billing address
            "site": ("ATELIERS DUFOUR", "ZI de l'Ariane", "Bâtiment 3", "", "06300", "NICE",
                     "FRANCE")}),
        ("DE000044", "C00039", "16/10/2026", 2, {"ref": "SM-Q-999999",
                                                  "defect": "unmatched-quote"}),
    ]
    return inv, quotes


# An unknown customer, written as Sage would print it on the document.
UNKNOWN_CUSTOMER = {
    "Nom": "Boulangerie Roche", "Société": "Boulangerie Roche", "Forme juridique": "SARL",
    "Adresse 1": "8 rue Pasteur", "Adresse 2": "", "Adresse 3": "", "Code Postal": "21000",
    "Ville": "Dijon", "Pays": "France", "Mode de paiement": "CHQ", "Représentant": "R02",
    "Nom du contact": "ROCHE Valérie"}


def write_documents(sage: Path, expected: Path, customers: dict, seed: int,
                    which: str) -> int:
    rng = random.Random(seed * 31 + (1 if which == "invoices" else 2))
    invoices, quotes = document_specs()
    specs = invoices if which == "invoices" else quotes
    out = TabExport(sage / FILES[which], DOC_LABELS)
    issues = []
    drawn = {}
    for number, cust_code, date, count, opt in specs:
        defect = opt.get("defect")
        cust = customers.get(cust_code) or UNKNOWN_CUSTOMER
        rep = cust["Représentant"] if cust["Représentant"] != "R03" else ""
        assert cust_code in USABLE_CUSTOMERS or (
            defect == "unknown-reference" and cust_code not in customers), cust_code
        if "credit" in opt:
            kind = "Avoir"
        elif which == "quotes":
            kind = "Devis"
        else:
            kind = "Facture"
        if "credit" in opt:
            lines = credited_lines(drawn[opt["credit"]], count)
        else:
            lines = draw_lines(rng, count)
        drawn[number] = lines
        ht, tva, _ = doc_totals([(q, ART[c][5], d, ART[c][6]) for c, q, d in lines])
        total = ht + tva + (500 if defect == "totals-mismatch" else 0)
        extra = {}
        if kind == "Devis":
            extra = {"Statut devis": "En cours", "Référence pièce": opt["ref"]}
        else:
            d, m, y = (int(x) for x in date.split("/"))
            try:
                due = ddmmyyyy(datetime.date(y, m, d) + datetime.timedelta(days=30))
            except ValueError:
                due = "31/03/2026"  # the bad-date document keeps a sound due date
            extra["Date échéance"] = due if kind == "Facture" else date
            if not opt.get("draft"):
                extra["Validée"] = "Oui"
            if opt.get("settled"):
                extra["Soldée"] = extra["Comptabilisée"] = "Oui"
            if "ref" in opt:
                extra["Référence pièce"] = opt["ref"]
            if "credit" in opt:
                extra["Référence pièce"] = opt["credit"]
                extra["Remarque"] = f"Retour marchandise sur {opt['credit']}"
        if "remark" in opt:
            extra["Remarque"] = opt["remark"]
        extra["Cadre de facturation"] = billing_framework(lines)
        extra.update(delivery_address(cust, opt.get("site")))
        e_line = out.write(doc_header(kind, number, date, cust_code, cust, rep,
                                      money(total), **extra))
        if defect in ("totals-mismatch", "missing-key", "bad-date", "unknown-reference",
                      "unmatched-quote"):
            issues.append((e_line, number, defect))
        n = 0
        for i, (code, q, disc) in enumerate(lines):
            if opt.get("comment") == i:
                n += 1
                out.write(comment_line(kind, number, n,
                                       "Livraison en deux fois : solde le 15/10/2026"))
            a = ART[code]
            n += 1
            q_text = qty(q)
            if defect == "bad-number" and i == 1:
                q_text = "abc"  # the whole document is rejected
            line = out.write(doc_line(kind, number, n, code, q_text, a[5], a[6], disc,
                                      a[1], a[7]))
            if q_text == "abc":
                issues.append((line, number, "bad-number"))
    out.close()
    write_expected(expected / (FILES[which] + ".expected.tsv"), issues)
    return out.line - 1


# ------------------------------------------------------------------------ checks


def iter_tab(path: Path, labels):
    """Rows of a TAB export, header first, checking encoding, CRLF and column counts."""
    with open(path, "rb") as f:
        for i, raw in enumerate(f, 1):
            assert raw.endswith(b"\r\n") and b"\r" not in raw[:-2], f"{path}:{i}: not CRLF"
            row = raw[:-2].decode("cp1252").split("\t")
            assert len(row) == len(labels), f"{path}:{i}: {len(row)} columns"
            assert i > 1 or row == labels, f"{path}: header differs"
            yield row


def read_tab(path: Path, labels) -> list[list[str]]:
    return list(iter_tab(path, labels))


def read_expected(path: Path):
    out = []
    for line in path.read_text("utf-8").splitlines():
        n, key, reason = line.split("\t")
        out.append((int(n), key, reason))
    assert out == sorted(out), path
    return out


def dec(s: str) -> decimal.Decimal:
    return decimal.Decimal(s.replace(",", "."))


def documents(rows):
    """(E row, [L rows]) per document, from an iterable of rows (header first)."""
    head, lines = None, []
    for r in rows:
        if r[0] == "E":
            if head:
                yield head, lines
            head, lines = r, []
        elif r[0] == "L":
            assert head, "L line before any E line"
            lines.append(r)
        else:
            assert r == DOC_LABELS, r
    if head:
        yield head, lines


def check_document_totals(rows) -> dict[str, decimal.Decimal]:
    """Recompute every document from the file text, with Decimal, under both half-up and
    half-even rounding (they must agree: no ties), and return number -> header minus
    computed total for each document whose total is off by more than 0,01."""
    col = DOC_COL
    cent = decimal.Decimal("0.01")
    off = {}
    for head, lines in documents(rows):
        results = set()
        for mode in (decimal.ROUND_HALF_UP, decimal.ROUND_HALF_EVEN):
            by_rate: dict[decimal.Decimal, decimal.Decimal] = {}
            bad = False
            for r in lines:
                if r[col["Ligne commentaire"]] == "Oui":
                    assert dec(r[col["Quantité"]]) == 0
                    continue
                try:
                    q = dec(r[col["Quantité"]])
                except decimal.InvalidOperation:
                    bad = True
                    continue
                pu, rate = dec(r[col["PU HT"]]), dec(r[col["Taux TVA"]])
                disc = dec(r[col["Taux remise ligne"]] or "0")
                assert (pu * (1 + rate / 100)).quantize(cent, mode) == dec(r[col["PU TTC"]])
                ht = (q * pu * (1 - disc / 100)).quantize(cent, mode)
                by_rate[rate] = by_rate.get(rate, decimal.Decimal(0)) + ht
            tva = sum(((ht * rate / 100).quantize(cent, mode) for rate, ht in by_rate.items()),
                      decimal.Decimal(0))
            results.add(sum(by_rate.values(), decimal.Decimal(0)) + tva)
        assert len(results) == 1, f"rounding tie in {head[col['N° pièce']]}"
        if bad:
            continue
        diff = dec(head[col["Mt total TTC"]]) - results.pop()
        if abs(diff) > cent:
            off[head[col["N° pièce"]]] = diff
    return off


def check_samples(sage: Path, expected: Path) -> None:
    def exp(key):
        return read_expected(expected / (FILES[key] + ".expected.tsv"))

    # every expected line points at a row carrying that key
    for key, labels, key_label in (("reps", REP_LABELS, "Code"),
                                   ("prospects", PROSPECT_LABELS, "Code prospect"),
                                   ("contacts", CONTACT_LABELS, "Code contact"),
                                   ("articles", ARTICLE_LABELS, "Code"),
                                   ("invoices", DOC_LABELS, "N° pièce"),
                                   ("quotes", DOC_LABELS, "N° pièce")):
        rows = read_tab(sage / FILES[key], labels)
        k = labels.index(key_label)
        for line, code, _ in exp(key):
            assert rows[line - 1][k] == code, f"{FILES[key]}:{line}: {code!r}"
        for r in rows[1:]:
            limit = MAX_CODE.get(key)
            if limit and len(r[k]) > limit:
                assert any(c == r[k] and why == "key-too-long" for _, c, why in exp(key))

    for key in ("invoices", "quotes"):
        rows = read_tab(sage / FILES[key], DOC_LABELS)
        off = check_document_totals(rows)
        mismatched = {c for _, c, why in exp(key) if why == "totals-mismatch"}
        assert set(off) == mismatched, off
        assert all(v == decimal.Decimal("5.00") for v in off.values())
        col = {label: i for i, label in enumerate(DOC_LABELS)}
        for r in rows[1:]:
            if r[0] == "L":  # header fields stay empty on L lines
                assert all(r[col[label]] == "" for label in DOC_LABELS[3:]
                           if label not in LINE_FIELDS), r
            else:
                assert all(r[col[label]] == "" for label in LINE_FIELDS), r

    # articles: TTC follows HT, the XML holds the same values, and pictures resolve
    rows = read_tab(sage / FILES["articles"], ARTICLE_LABELS)
    col = {label: i for i, label in enumerate(ARTICLE_LABELS)}
    cent = decimal.Decimal("0.01")
    for r in rows[1:]:
        try:
            ht = dec(r[col["Prix de vente HT"]])
        except decimal.InvalidOperation:
            continue
        rate = dec(r[col["Taux TVA"]])
        assert (ht * (1 + rate / 100)).quantize(cent) == dec(r[col["Prix de vente TTC"]]), r
        assert (r[col["Suivi stock"]] == "Oui") == (r[col["Stock réel"]] != "")
        assert len(r[col["Désignation courte"]]) <= 35 and len(r[col["Famille"]]) <= 13

    records, starts, stack = [], [], []
    parser = xml.parsers.expat.ParserCreate("UTF-8")

    def start(name, attrs):
        stack.append(name)
        if name == "Article":
            records.append({})
            starts.append(parser.CurrentLineNumber)
        text.clear()

    def end(name):
        stack.pop()
        if len(stack) == 2:
            records[-1][name] = "".join(text)

    text: list[str] = []
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text.append
    parser.Parse((sage / FILES["articles_xml"]).read_bytes(), True)
    names = [xml_name(label) for label in ARTICLE_LABELS]
    assert [[rec.get(nm, None) for nm in names] for rec in records] == rows[1:]
    xml_exp = exp("articles_xml")
    txt_exp = exp("articles")
    assert [(k, w) for _, k, w in xml_exp] == [(k, w) for _, k, w in txt_exp]
    for (line, _, _), (txt_line, _, _) in zip(xml_exp, txt_exp):
        assert starts[txt_line - 2] == line

    images = sage / "images"
    warned = {c for _, c, w in txt_exp if w.startswith("image-")}
    for r in rows[1:]:
        code, path = r[col["Code"]], r[col["Chemin image"]]
        name = re.split(r"[\\/]", path)[-1] if path else ""
        found = (images / name).is_file() if name not in ("", ".", "..") else False
        by_code = [p for p in PICTURES_BY_CODE if p.rsplit(".", 1)[0] == code]
        if code in warned:
            assert not found and not by_code, code
        elif path:
            assert found, code
    for pic in images.iterdir():
        data = pic.read_bytes()
        assert 150 < len(data) < 1000, pic
        if pic.suffix == ".png":
            assert data.startswith(b"\x89PNG\r\n\x1a\n")
            idat = data[data.index(b"IDAT") + 4:data.index(b"IEND") - 8]
            assert len(zlib.decompress(idat)) == 16 * 17
        else:
            assert data.startswith(b"\xff\xd8\xff\xe0") and data.endswith(b"\xff\xd9")


# --------------------------------------------------------------------- benchmark

BENCH_SHOPS = ["Boulangerie", "Restaurant", "Hôtel", "Garage", "Menuiserie", "Pharmacie",
               "Épicerie", "Cave", "Traiteur", "Imprimerie", "Plomberie", "Café"]
BENCH_NAMES = ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Fournier",
               "Mercier", "Guérin", "Noël", "Brun", "Rivière", "Lemoine", "Gaillard",
               "Le Gall", "Da Silva", "Benali", "Nguyen", "Hoarau", "Muller"]
BENCH_CITIES = [("75011", "Paris"), ("69003", "Lyon"), ("13008", "Marseille"),
                ("31000", "Toulouse"), ("33000", "Bordeaux"), ("44000", "Nantes"),
                ("67000", "Strasbourg"), ("59000", "Lille"), ("35000", "Rennes"),
                ("21000", "Dijon"), ("74000", "Annecy"), ("97400", "Saint-Denis")]
BENCH_UNITS = ["Pièce", "Pièce", "Pièce", "Lot", "Carton", "kg", "Sac", "Bouteille"]
BENCH_RATES = [200, 200, 200, 200, 100, 55, 55, 21, 0]
BENCH_GOODS = ["Farine", "Sucre", "Café", "Huile", "Gants", "Tablier", "Balance", "Moule",
               "Vis", "Perceuse", "Détergent", "Sacs kraft", "Boîtes", "Crème", "Œufs"]


def write_benchmark(path: Path, target: int, seed: int) -> tuple[int, int]:
    """Stream about `target` lines of invoices; returns (documents, lines)."""
    rng = random.Random(seed)
    rnd = rng.random
    # article table: code, description, price cents (no TTC rounding tie), rate, unit
    articles = []
    for i in range(1, 10000):
        rate = BENCH_RATES[int(rnd() * len(BENCH_RATES))]
        pu = 50 + int(rnd() * 30000)
        while price_ttc(pu, rate)[1]:
            pu += 1
        unit = BENCH_UNITS[int(rnd() * len(BENCH_UNITS))]
        desc = f"{BENCH_GOODS[int(rnd() * len(BENCH_GOODS))]} réf. {i:04d}"
        articles.append((f"ART{i:04d}", desc, pu, rate, unit, money(pu),
                         money(price_ttc(pu, rate)[0]), tenths(rate)))
    # customer part of the E line: Code client .. Pays, as one pre-joined run
    customers = []
    for i in range(1, 5001):
        shop = BENCH_SHOPS[int(rnd() * len(BENCH_SHOPS))]
        name = BENCH_NAMES[int(rnd() * len(BENCH_NAMES))]
        cp, city = BENCH_CITIES[int(rnd() * len(BENCH_CITIES))]
        customers.append("\t".join([f"C{i:05d}", f"{shop} {name}", "SARL",
                                    f"{1 + int(rnd() * 150)} rue de la République", "", "",
                                    cp, city, "FR", "France"]))
    reps = ["R01", "R02", "R03", "R04", "R05", ""]

    width = len(DOC_LABELS)
    c_client = DOC_COL["Code client"]
    c_total = DOC_COL["Mt total TTC"]
    c_article = DOC_COL["Code article"]
    c_rate = DOC_COL["Taux TVA"]
    c_desc = DOC_COL["Description"]
    c_disc = DOC_COL["Taux remise ligne"]
    c_unit = DOC_COL["Unité"]
    c_num = DOC_COL["N° ligne"]
    tabs = lambda n: "\t" * n
    # E: fields 0..7, customer run (cols 8..17), then the rest up to Mt total TTC
    e_mid = tabs(DOC_COL["Code mode de paiement"] - DOC_COL["Pays"])
    e_gap2 = tabs(DOC_COL["Validée"] - DOC_COL["Date échéance"])
    e_tail_gap = tabs(c_total - DOC_COL["Validée"])
    e_end = tabs(width - 1 - c_total)
    l_gap = tabs(c_article - 2)  # after N° pièce, header columns stay empty
    l_gap_desc = tabs(c_desc - c_rate)
    l_gap_disc = tabs(c_disc - c_desc)
    l_gap_unit = tabs(c_unit - c_disc)
    l_gap_num = tabs(c_num - c_unit)
    l_end = tabs(width - 1 - c_num)

    day0 = datetime.date(2024, 1, 2).toordinal()
    written = 0
    docs = 0
    with open(path, "w", encoding="cp1252", newline="", buffering=1 << 20) as f:
        f.write("\t".join(DOC_LABELS) + "\r\n")
        while written < target:
            docs += 1
            credit = rnd() < 0.05
            kind = "Avoir" if credit else "Facture"
            number = f"{'AV' if credit else 'FA'}{docs:06d}"
            count = 1 + int(rnd() * 9)  # 1..9 lines, 5 on average
            while True:
                lines = []
                for _ in range(count):
                    a = articles[int(rnd() * 9999)]
                    if a[4] == "kg":
                        q = 100 + int(rnd() * 20000)
                    else:
                        q = (1 + int(rnd() * 12)) * 1000
                    disc = 100 if rnd() < 0.15 else 0
                    lines.append((a, q, disc))
                ht, tva, tie = doc_totals([(q, a[2], d, a[3]) for a, q, d in lines])
                if not tie:
                    break
            day = datetime.date.fromordinal(day0 + (docs * 7) // 40 % 1000)
            date = f"{day.day:02d}/{day.month:02d}/{day.year}"
            due = datetime.date.fromordinal(day.toordinal() + 30)
            out = [f"E\t{kind}\t{number}\t{date}\t\t\t\t{reps[int(rnd() * 6)]}\t"
                   f"{customers[int(rnd() * 5000)]}{e_mid}VIR\t"
                   f"{due.day:02d}/{due.month:02d}/{due.year}{e_gap2}Oui"
                   f"{e_tail_gap}{money(ht + tva)}{e_end}\r\n"]
            for n, (a, q, disc) in enumerate(lines, 1):
                out.append(f"L\t{kind}\t{number}{l_gap}{a[0]}\t{qty(q)}\t{a[5]}\t{a[6]}\t"
                           f"{a[7]}{l_gap_desc}{a[1]}{l_gap_disc}{tenths(disc) if disc else ''}"
                           f"{l_gap_unit}{a[4]}{l_gap_num}{n}{l_end}\r\n")
            f.write("".join(out))
            written += 1 + count
    return docs, written


# -------------------------------------------------------------------------- main


def write_samples(root: Path, seed: int) -> dict[str, int]:
    sage, expected = root / "sage", root / "expected"
    sage.mkdir(parents=True, exist_ok=True)
    expected.mkdir(parents=True, exist_ok=True)
    customers = read_customers(sage)
    counts = {
        FILES["reps"]: write_reps(sage, expected),
        FILES["prospects"]: write_prospects(sage, expected),
        FILES["contacts"]: write_contacts(sage, expected, customers),
        FILES["articles"]: write_articles(sage, expected),
        "images/": write_pictures(sage),
        FILES["invoices"]: write_documents(sage, expected, customers, seed, "invoices"),
        FILES["quotes"]: write_documents(sage, expected, customers, seed, "quotes"),
    }
    check_samples(sage, expected)
    return counts


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--samples", metavar="DIR", type=Path, default=REPO / "samples",
                   help="write the sample exports into DIR/sage and DIR/expected")
    p.add_argument("--invoices", metavar="N", type=int,
                   help="benchmark: write one invoices export of about N lines")
    p.add_argument("--output", metavar="PATH", type=Path, help="benchmark output file")
    p.add_argument("--seed", type=int, default=5050)
    p.add_argument("--check", action="store_true",
                   help="benchmark: re-read the file and check every total")
    a = p.parse_args(argv)

    if a.invoices is not None:
        if a.invoices < 2 or a.output is None:
            p.error("--invoices needs N >= 2 and --output PATH")
        docs, lines = write_benchmark(a.output, a.invoices, a.seed)
        print(f"{a.output}: {docs} documents, {lines} lines", file=sys.stderr)
        if a.check:
            off = check_document_totals(iter_tab(a.output, DOC_LABELS))
            assert not off, off
            print("totals checked", file=sys.stderr)
        return 0
    if a.output is not None:
        p.error("--output goes with --invoices")
    for name, count in write_samples(a.samples, a.seed).items():
        print(f"{name}: {count}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
