#!/usr/bin/env python3
"""Write synthetic Sage 50 FR customer exports ("Clients") for tests and benchmarks.

    python3 scripts/generate_customers.py --rows N --format tab|semicolon|xml
        [--seed S] [--code-prefix C] [--bad-rows] [--sample] [--expected PATH] OUTPUT

Output is deterministic: the same arguments give byte-identical files, and the record
values do not depend on --format, so one seed describes the same customers in every
format. The only difference between formats is the one Sage 50 imposes: a TAB export
cannot carry a line break, so the few `Observations` holding one get a space instead.

--bad-rows injects about one faulty row per 400 (at least one of each kind) and writes
OUTPUT.expected.tsv (or --expected PATH): `line<TAB>code<TAB>reason`, one line per faulty
row, where line is the physical line of the row in OUTPUT (header = 1).
--sample (implies --bad-rows) places exactly one row of each kind and makes sure the
less common cases (foreign countries, private and public customers, quoted
observations...) appear even in a short file.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import random
import re
import sys
import unicodedata

# The 88 labels of a real export, in order. Two of them really carry a double space.
LABELS = [
    "Code", "Nom", "Société", "Forme juridique", "Adresse 1", "Adresse 2", "Adresse 3",
    "Code Postal", "Ville", "Pays", "NPAI", "Société Livraison", "Forme juridique livraison",
    "Adresse 1 Livraison", "Adresse 2 Livraison", "Adresse 3 Livraison",
    "Code Postal Livraison", "Ville Livraison", "Pays Livraison", "NPAI Livraison",
    "Famille clients", "Mode de paiement", "Libellé mode de paiement", "Téléphone",
    "Portable", "Fax", "Télex", "Risque", "Bloqué", "Encours autorisé", "Mode TVA",
    "N° TVA intracom", "Nom Banque", "Adresse 1 Banque", "Adresse 2 Banque",
    "Adresse 3 Banque", "Code Postal Banque", "Ville Banque", "Pays Banque", "Code Banque",
    "Code Guichet", "Numéro Compte", "Clé RIB", "Compte Comptable", "Analytique",
    "Taux Remise", "Observations", "Export Compta", "Banque sur rayon", "Assujetti TPF",
    "Relevé Compte", "E-mail", "URL", "SIRET", "Représentant", "Nom Représentant",
    "Encours initial", "Encours disponible", "Nombre Exemplaire Facture", "Accepter Daily",
    "Date Dernière Commande", "Code Tarif", "Téléphone Livraison", "Portable Livraison",
    "Fax Livraison", "Télex Livraison", "Encours", "Client divers", "Ne pas relancer",
    "Date de création", "IBAN", "BIC", "Nom du contact", "Société du contact",
    "Titre du contact", "Fonction  du contact", "Téléphone  du contact",
    "Portable du contact", "Fax du contact", "Télex du contact", "E-mail du contact",
    "Site web du contact", "Facturer en TTC", "NAF (APE)", "Intitulé.CtAna",
    "Exclure des mailings", "Intitulé compte comptable", "Type de client",
]
assert len(LABELS) == 88 and len(set(LABELS)) == 88
# every record starts as a copy of this, so its values come out in label order
EMPTY_RECORD = dict.fromkeys(LABELS, "")

# Sage caps customer codes at 13 characters.
MAX_CODE = 13

# Order matters only for spreading: duplicate-key is never first, so it always has an
# earlier row to copy its code from.
BAD_KINDS = [
    "missing-key", "invalid-siret", "duplicate-key", "invalid-email", "key-too-long",
    "invalid-phone", "missing-required", "unknown-country", "bad-date", "bad-number",
]

# ---------------------------------------------------------------------------- tables

# (city, postcode, first digit of the landline number after 0)
FR_CITIES = [
    ("Paris", "75011", "1"), ("Paris", "75015", "1"), ("Paris", "75008", "1"),
    ("Boulogne-Billancourt", "92100", "1"), ("Versailles", "78000", "1"),
    ("Saint-Denis", "93200", "1"), ("Créteil", "94000", "1"),
    ("Évry-Courcouronnes", "91000", "1"), ("Lyon", "69003", "4"),
    ("Villeurbanne", "69100", "4"), ("Marseille", "13008", "4"),
    ("Aix-en-Provence", "13100", "4"), ("Nice", "06000", "4"), ("Toulon", "83000", "4"),
    ("Montpellier", "34000", "4"), ("Grenoble", "38000", "4"),
    ("Saint-Étienne", "42000", "4"), ("Annecy", "74000", "4"),
    ("Clermont-Ferrand", "63000", "4"), ("Ajaccio", "20000", "4"),
    ("Toulouse", "31000", "5"), ("Bordeaux", "33000", "5"), ("Pau", "64000", "5"),
    ("Bayonne", "64100", "5"), ("Limoges", "87000", "5"), ("Poitiers", "86000", "5"),
    ("La Rochelle", "17000", "5"), ("Nantes", "44000", "2"), ("Rennes", "35000", "2"),
    ("Brest", "29200", "2"), ("Angers", "49000", "2"), ("Le Mans", "72000", "2"),
    ("Tours", "37000", "2"), ("Caen", "14000", "2"), ("Rouen", "76000", "2"),
    ("Orléans", "45000", "2"), ("Lille", "59000", "3"), ("Roubaix", "59100", "3"),
    ("Amiens", "80000", "3"), ("Reims", "51100", "3"), ("Metz", "57000", "3"),
    ("Nancy", "54000", "3"), ("Strasbourg", "67000", "3"), ("Mulhouse", "68100", "3"),
    ("Dijon", "21000", "3"), ("Besançon", "25000", "3"), ("Troyes", "10000", "3"),
]

# Abroad and overseas: (city, postcode, area code used to build the phone number)
FOREIGN = {
    "BE": ("Belgique", [("Bruxelles", "1000", "2"), ("Liège", "4000", "4"),
                        ("Namur", "5000", "81"), ("Mons", "7000", "65")]),
    "CH": ("Suisse", [("Genève", "1201", "22"), ("Lausanne", "1003", "21"),
                      ("Neuchâtel", "2000", "32")]),
    "LU": ("Luxembourg", [("Luxembourg", "L-1611", ""), ("Esch-sur-Alzette", "L-4002", "")]),
    "RE": ("La Réunion", [("Saint-Denis", "97400", ""), ("Saint-Pierre", "97410", ""),
                          ("Le Port", "97420", ""), ("Saint-Paul", "97460", "")]),
}

STREETS = [
    "rue de la République", "avenue Jean Jaurès", "boulevard Victor Hugo", "rue Pasteur",
    "place de la Mairie", "chemin des Vignes", "allée des Tilleuls", "impasse du Moulin",
    "rue du Général Leclerc", "rue Nationale", "rue des Lilas", "avenue de la Gare",
    "rue Saint-Martin", "quai des Chartrons", "rue de la Paix", "route de Paris",
    "rue Gambetta", "rue du Commerce", "avenue Foch", "rue des Écoles",
    "boulevard de Strasbourg", "rue Émile Zola", "rue de l'Église", "rue du Stade",
    "rue des Artisans",
]
FOREIGN_STREETS = [
    "Rue Neuve", "Rue de la Loi", "Avenue Louise", "Rue du Rhône", "Rue de Lausanne",
    "Grand-Rue", "Rue de la Gare", "Avenue de la Liberté", "Rue du Marché",
]
ADDRESS2 = [
    "Bâtiment B", "ZA des Grands Champs", "ZI Nord", "Résidence Les Pins", "3e étage",
    "Zone artisanale du Moulin", "Parc d'activités de la Lande", "Lot. Les Chênes",
    "Centre commercial Les Arcades", "Porte 4",
]
ADDRESS3 = ["BP 214", "CS 30021", "BP 57", "CS 70412", "Cedex 9"]

SURNAMES = [
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois",
    "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David",
    "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
    "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc",
    "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier",
    "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel",
    "Mathieu", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Lemaire", "Noël",
    "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly", "Rivière",
    "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Roche", "Renard", "Schmitt",
    "Leroux", "Colin", "Vidal", "Caron", "Picard", "Fabre", "Aubert", "Lemoine",
    "Renaud", "Dumas", "Lacroix", "Bourgeois", "Leclerc", "Payet", "Hoarau", "Grondin",
    "Benali", "Nguyen", "Da Silva", "Le Gall", "Kerboriou",
]
MEN = [
    "Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas", "Christophe", "Laurent",
    "Julien", "Thomas", "Sébastien", "Antoine", "Olivier", "Stéphane", "François", "Éric",
    "Mathieu", "Hugo", "Lucas", "Karim", "Yannick", "Loïc", "Jérôme", "Frédéric", "Benoît",
]
WOMEN = [
    "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sophie", "Céline", "Sandrine",
    "Valérie", "Christine", "Julie", "Aurélie", "Émilie", "Camille", "Laura", "Manon",
    "Chloé", "Hélène", "Élodie", "Amandine", "Nadia", "Agnès", "Françoise", "Véronique",
    "Anne",
]

# (name template, NAF code, customer family); {S} = surname, {P} = place word
ACTIVITIES = [
    ("Boulangerie {S}", "1071C", "ARTISAN"),
    ("Boulangerie-Pâtisserie {S}", "1071C", "ARTISAN"),
    ("Menuiserie {S}", "4332A", "ARTISAN"),
    ("Garage {S}", "4520A", "ARTISAN"),
    ("Garage du {P}", "4520A", "ARTISAN"),
    ("Plomberie {S}", "4322A", "ARTISAN"),
    ("{S} Électricité", "4321A", "ARTISAN"),
    ("Maçonnerie {S}", "4399C", "ARTISAN"),
    ("Boucherie {S}", "4722Z", "ARTISAN"),
    ("Restaurant Le {P}", "5610A", "RESTAURATION"),
    ("Café du {P}", "5630Z", "RESTAURATION"),
    ("Hôtel du {P}", "5510Z", "RESTAURATION"),
    ("Transports {S}", "4941A", "PME"),
    ("Cabinet {S} Conseil", "7022Z", "PME"),
    ("Imprimerie {S}", "1812Z", "PME"),
    ("{S} Informatique", "6202A", "PME"),
    ("{S} Bâtiment", "4120A", "PME"),
    ("Ateliers {S}", "2562B", "PME"),
    ("Agence {S} Immobilier", "6831Z", "PME"),
    ("Fleurs {S}", "4776Z", "REVENDEUR"),
    ("Pharmacie du {P}", "4773Z", "REVENDEUR"),
    ("Librairie {S}", "4761Z", "REVENDEUR"),
    ("Cave {S}", "4725Z", "REVENDEUR"),
    ("Quincaillerie {S}", "4752A", "REVENDEUR"),
    ("{S} Distribution", "4690Z", "GRANDCOMPTE"),
    ("Groupe {S} Industrie", "2829B", "GRANDCOMPTE"),
]
PLACES = ["Centre", "Port", "Marché", "Commerce", "Château", "Vieux Moulin", "Lac", "Parc"]
ADMINS = [
    ("Mairie de {C}", "8411Z", "21"), ("Centre hospitalier de {C}", "8610Z", "26"),
    ("Lycée Jean Moulin", "8531Z", "19"), ("Collège Jules Ferry", "8531Z", "19"),
    ("Médiathèque de {C}", "9101Z", "21"),
]
LEGAL_FORMS = (["SARL"] * 35 + ["SAS"] * 25 + ["SASU"] * 10 + ["EURL"] * 12 + ["SA"] * 5
               + ["SNC"] * 3 + ["EI"] * 10)
# job titles agree with the contact's title (M. / Mme)
FUNCTIONS_M = [
    "Gérant", "Comptable", "Responsable achats", "Directeur", "Assistant de direction",
    "Chef d'atelier", "Président", "Responsable administratif",
]
FUNCTIONS_F = [
    "Gérante", "Comptable", "Responsable achats", "Directrice", "Assistante de direction",
    "Cheffe d'atelier", "Présidente", "Responsable administrative",
]
# (code, label) as set up in the dossier's payment modes
PAYMENTS = [
    ("CHQ", "Chèque à réception"), ("VIR", "Virement à réception"),
    ("VIR30", "Virement 30 jours fin de mois"), ("LCR", "LCR à 60 jours"),
    ("PRVT", "Prélèvement à 30 jours"), ("CB", "Carte bancaire"), ("ESP", "Espèces"),
]
PRO_PAYMENTS = [0, 1, 2, 2, 2, 3, 3, 4, 4, 0]
PRIVATE_PAYMENTS = [0, 5, 5, 6, 4]
REPS = [("R01", "Sophie LAMBERT"), ("R02", "Thomas GIRAUD"), ("R03", "Nadia BENALI"),
        ("R04", "Julien ROUSSEL"), ("R05", "Claire FONTAINE")]
# (bank, code banque, BIC)
BANKS = [
    ("BNP Paribas", "30004", "BNPAFRPP"), ("Société Générale", "30003", "SOGEFRPP"),
    ("LCL", "30002", "CRLYFRPP"), ("CIC", "30066", "CMCIFRPP"),
    ("La Banque Postale", "20041", "PSSTFRPP"), ("Crédit Agricole", "13306", "AGRIFRPP833"),
    ("Banque Populaire", "10907", "CCBPFRPPBDX"), ("Caisse d'Epargne", "14445", "CEPAFRPP444"),
    ("Crédit Mutuel", "10278", "CMCIFR2A"),
]
MAILBOXES = ["contact", "compta", "accueil", "commandes"]
# weighted lists: repeated entries are the common values
NICS = [1, 1, 1, 1, 2, 2, 3, 4, 5, 12, 25]  # establishment numbers; head office first
LIMITS = [0, 1500, 3000, 5000, 5000, 7500, 10000, 15000, 25000]
PRIVATE_LIMITS = [0, 0, 500, 1000]
DISCOUNTS = ["0,00"] * 6 + ["2,00", "3,50", "5,00", "10,00"]
PRICE_LISTS = ["Aucun"] * 14 + ["Tarif 1"] * 3 + ["Tarif 2"] * 2 + ["Tarif 3"]
# Risque is a value list the dossier fills with its own levels; most customers have none.
RISKS = ["Aucun"] * 16 + ["Faible"] * 2 + ["Moyen", "Élevé"]
MAIL_HOSTS = ["orange.fr", "gmail.com", "free.fr", "laposte.net", "wanadoo.fr", "sfr.fr"]
# Free text as accountants type it; some hold the characters that force CSV quoting.
OBSERVATIONS = [
    "Livraison uniquement le matin",
    "Client fidèle depuis l'ouverture",
    "Relancer avant le 15 du mois",
    "Accès par la cour ; sonner à l'interphone",
    "Factures par e-mail ; pas de courrier papier",
    "Paiement parfois en retard, surveiller l'encours",
    "Attention : adresse de facturation différente",
    "Demande toujours un bon de livraison signé",
]
OBS_QUOTED = 'Exige la mention "franco de port" sur les devis'
OBS_MULTILINE = [
    "Remise exceptionnelle accordée en 2024 ;\nà revoir en fin d'année",
    "Fermé en août ;\nlivraisons reprises la première semaine de septembre",
    "Contact compta : voir la gérante ;\nenvoyer les relevés en fin de mois",
]

DAY0 = datetime.date(2005, 1, 3).toordinal()
DAY_CREATED_MAX = datetime.date(2026, 6, 30).toordinal()
DAY_ORDER_MAX = datetime.date(2026, 10, 30).toordinal()


# ----------------------------------------------------------------- small helpers

def luhn_digit(payload: str) -> str:
    """Check digit that makes payload + digit pass the Luhn test."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = ord(ch) - 48
        if i % 2 == 0:  # these positions are doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    return luhn_digit(number[:-1]) == number[-1]


@functools.lru_cache(maxsize=None)  # names repeat a lot; slugging them is not free
def ascii_slug(text: str, sep: str = "-") -> str:
    """Lower-case ASCII form for e-mail addresses and domains."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", sep, t.lower()).strip(sep)


def money(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100},{cents % 100:02d}"


def ddmmyyyy(ordinal: int) -> str:
    d = datetime.date.fromordinal(ordinal)
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def xml_name(label: str) -> str:
    """Element name for a label: accents kept, °()/other non-name characters dropped."""
    s = label.replace("°", "").replace("(", "").replace(")", "")
    s = "".join(ch if (ch.isalnum() or ch in "-._") else "_" for ch in s)
    return re.sub(r"_+", "_", s).strip("_")


# ------------------------------------------------------------------ record maker

class CustomerFactory:
    """Builds one customer per call from seeded pseudo-random draws."""

    def __init__(self, seed: int, prefix: str):
        self.rng = random.Random()
        self.seed = seed
        rnd = self.rng.random
        self.rnd = rnd
        # plain arithmetic on random(): several times faster than choice()/randrange(),
        # which matters at 200,000 rows x ~70 draws
        self.pick = lambda seq: seq[int(rnd() * len(seq))]
        self.rr = lambda lo, hi: lo + int(rnd() * (hi - lo))
        self.prefix = prefix

    def phone_fr(self, digit: str, style: int = 0) -> str:
        rr = self.rr
        pairs = [f"{rr(10, 100)}" for _ in range(4)]
        if style == 1:  # variants seen in real files; valid once normalised
            return f"0{digit}." + ".".join(pairs)
        if style == 2:
            return f"0{digit}" + "".join(pairs)
        if style == 3:
            return f"+33 {digit} " + " ".join(pairs)
        return f"0{digit} " + " ".join(pairs)

    def phone_style(self) -> int:
        x = self.rnd()
        return 0 if x < 0.85 else 1 if x < 0.92 else 2 if x < 0.97 else 3

    def phone_abroad(self, cc: str, area: str, mobile: bool = False) -> str:
        pick, rr = self.pick, self.rr
        if cc == "RE":  # overseas department: French national numbering
            return f"0{'6 92' if mobile else '2 62'} {rr(10, 100)} {rr(10, 100)} {rr(10, 100)}"
        if cc == "BE":
            if mobile:
                return f"+32 47{rr(0, 10)} {rr(10, 100)} {rr(10, 100)} {rr(10, 100)}"
            if len(area) == 1:
                return f"+32 {area} {rr(200, 1000)} {rr(10, 100)} {rr(10, 100)}"
            return f"+32 {area} {rr(10, 100)} {rr(10, 100)} {rr(10, 100)}"
        if cc == "CH":
            first = f"7{pick('6789')}" if mobile else area
            return f"+41 {first} {rr(200, 1000)} {rr(10, 100)} {rr(10, 100)}"
        first = f"6{pick('2689')}1" if mobile else "26"
        return f"+352 {first} {rr(10, 100)} {rr(10, 100)} {rr(10, 100)}"

    def siren(self, lead: str = "") -> str:
        width = 8 - len(lead)
        while True:
            body = lead + f"{self.rr(0, 10 ** width):0{width}d}"
            if body[0] == "0":
                continue
            s = body + luhn_digit(body)
            if s != "356000000":  # La Poste follows another rule
                return s

    def siret(self, siren: str) -> str:
        nic = f"{self.pick(NICS):04d}"
        base = siren + nic
        return base + luhn_digit(base)

    def rib(self):
        pick, rr = self.pick, self.rr
        bank, code, bic = pick(BANKS)
        guichet = f"{rr(0, 100000):05d}"
        compte = f"{rr(0, 10 ** 11):011d}"
        key = 97 - ((89 * int(code) + 15 * int(guichet) + 3 * int(compte)) % 97)
        bban = f"{code}{guichet}{compte}{key:02d}"
        check = 98 - int(bban + "152700") % 97  # F=15, R=27, then "00"
        iban = f"FR{check:02d}{bban}"
        grouped = " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
        return bank, code, guichet, compte, f"{key:02d}", grouped, bic

    def make(self, n: int, force: dict) -> dict:
        """Customer number n (the counter behind its code) as label -> value."""
        # one stream per row: a row's values depend on (seed, n) only, so injecting
        # faulty rows or forcing sample cases leaves every other row unchanged
        self.rng.seed(self.seed * 2 ** 32 + n)
        rnd, pick, rr = self.rnd, self.pick, self.rr
        rec = EMPTY_RECORD.copy()
        code = f"{self.prefix}{n:05d}"
        rec["Code"] = code

        # --- kind of customer and where it is
        ctype = force.get("ctype")
        if ctype is None:
            x = rnd()
            ctype = ("Professionnel" if x < 0.82 else "Particulier" if x < 0.91
                     else "Administration" if x < 0.94 else "Aucun")
        cc = force.get("country")
        if cc is None:
            x = rnd()
            cc = ("FR" if x < 0.96 else "BE" if x < 0.975 else "CH" if x < 0.985
                  else "LU" if x < 0.99 else "RE")
        if ctype == "Administration":
            cc = "FR"
        pro = ctype in ("Professionnel", "Aucun")

        if cc == "FR":
            city, postcode, digit = pick(FR_CITIES)
            country = "FRANCE" if rnd() < 0.55 else "France"
            area = ""
        else:
            country, places = FOREIGN[cc]
            city, postcode, area = pick(places)
            digit = ""

        # --- names
        surname = pick(SURNAMES)
        female = rnd() < 0.5
        first = pick(WOMEN if female else MEN)
        naf, family, company, form = "", "", "", ""
        if pro:
            tpl, naf, family = pick(ACTIVITIES)
            company = tpl.replace("{S}", surname).replace("{P}", pick(PLACES))
            if force.get("ampersand") or rnd() < 0.03:
                company += " & Fils" if rnd() < 0.6 else " & Associés"
            if rnd() < 0.2:
                company = company.upper()
            form = pick(LEGAL_FORMS)
            if cc != "FR" and cc != "RE":
                form = {"BE": "SRL", "CH": "Sàrl", "LU": "SARL"}[cc] if rnd() < 0.7 else "SA"
                family = "EXPORT"
            manager_first = pick(WOMEN if female else MEN)
            name = company if rnd() < 0.5 else f"{surname.upper()} {manager_first}"
        elif ctype == "Administration":
            tpl, naf, lead = pick(ADMINS)
            company = tpl.replace("{C}", city)
            family = "COLLECTIVITE"
            name = company
        else:
            form = "Madame" if female else "Monsieur"
            family = "PARTICULIER"
            name = f"{surname.upper()} {first}"
        if rnd() < 0.1:
            family = ""
        rec["Nom"] = name[:50]
        rec["Société"] = company[:50]
        rec["Forme juridique"] = form

        # --- address
        if cc in ("FR", "RE"):
            num = rr(1, 180)
            suffix = " bis" if rnd() < 0.05 else ""
            street = f"{num}{suffix} {pick(STREETS)}"
        elif cc == "LU":
            sname = pick(FOREIGN_STREETS)
            street = f"{rr(1, 90)}, {sname[0].lower()}{sname[1:]}"  # "12, rue de la Gare"
        else:
            street = f"{pick(FOREIGN_STREETS)} {rr(1, 150)}"
        rec["Adresse 1"] = street
        if rnd() < 0.25:
            rec["Adresse 2"] = pick(ADDRESS2)
        if pro and rnd() < 0.08:
            rec["Adresse 3"] = pick(ADDRESS3)
        rec["Code Postal"] = postcode
        rec["Ville"] = city.upper() if rnd() < 0.55 else city
        rec["Pays"] = country
        if rnd() < 0.015:
            rec["NPAI"] = "Oui"

        # --- delivery address (warehouse or building site), for some companies
        if pro and (force.get("delivery") or rnd() < 0.12):
            dcity, dpost, _ = pick(FR_CITIES) if cc == "FR" else (city, postcode, "")
            rec["Société Livraison"] = company[:50]
            rec["Forme juridique livraison"] = form
            rec["Adresse 1 Livraison"] = f"{rr(1, 120)} {pick(STREETS)}"
            rec["Adresse 2 Livraison"] = "Entrepôt" if rnd() < 0.5 else "Quai de réception"
            rec["Code Postal Livraison"] = dpost
            rec["Ville Livraison"] = dcity.upper()
            rec["Pays Livraison"] = country

        rec["Famille clients"] = family

        # --- payment
        pay = PAYMENTS[pick(PRO_PAYMENTS if pro else PRIVATE_PAYMENTS)]
        if ctype == "Administration":
            pay = PAYMENTS[2]
        rec["Mode de paiement"], rec["Libellé mode de paiement"] = pay

        # --- phones
        style = force.get("phone_style", None)
        if style is None:
            style = self.phone_style()
        if cc == "FR":
            rec["Téléphone"] = self.phone_fr(digit, style)
            if rnd() < 0.4:
                rec["Portable"] = self.phone_fr(pick("67"))
            if pro and rnd() < 0.2:
                rec["Fax"] = self.phone_fr(digit)
        else:
            rec["Téléphone"] = self.phone_abroad(cc, area)
            if rnd() < 0.4:
                rec["Portable"] = self.phone_abroad(cc, area, mobile=True)

        # --- credit
        if force.get("blocked") or rnd() < 0.03:
            rec["Bloqué"] = "Oui"
        limit = pick(LIMITS) * 100
        if ctype == "Particulier":
            limit = pick(PRIVATE_LIMITS) * 100
        if limit and rnd() < 0.15:
            limit += rr(1, 100)  # odd amounts typed by hand
        rec["Encours autorisé"] = money(limit)
        balance = rr(-50000, max(limit, 60000))
        rec["Encours"] = money(balance)
        rec["Encours disponible"] = money(limit - balance)
        rec["Encours initial"] = "0,00"
        rec["Mode TVA"] = {"FR": "Local", "BE": "CEE", "LU": "CEE", "CH": "Hors CEE",
                           "RE": "Exonéré"}[cc]

        # --- identifiers
        siret_style = force.get("siret_style")
        if pro and cc in ("FR", "RE"):
            siren = self.siren()
            siret = self.siret(siren)
            if siret_style is None:
                x = rnd()
                siret_style = 0 if x < 0.82 else 1 if x < 0.97 else 2
            if siret_style == 1:
                siret = f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
            elif siret_style == 2:
                siret = " " + siret
            rec["SIRET"] = siret
            key = (12 + 3 * (int(siren) % 97)) % 97
            rec["N° TVA intracom"] = (f"FR{key:02d}{siren}" if rnd() < 0.85
                                      else f"FR {key:02d} {siren}")
        elif ctype == "Administration":
            rec["SIRET"] = self.siret(self.siren(lead))
        elif pro and cc == "BE":
            first8 = f"0{rr(2, 10)}{rr(0, 10 ** 6):06d}"
            rec["N° TVA intracom"] = f"BE{first8}{97 - int(first8) % 97:02d}"
        elif pro and cc == "LU":
            first6 = f"{rr(10 ** 5, 10 ** 6)}"
            rec["N° TVA intracom"] = f"LU{first6}{int(first6) % 89:02d}"
        if naf and rnd() < 0.85:
            rec["NAF (APE)"] = naf

        # --- bank details (French accounts only)
        if cc in ("FR", "RE") and rnd() < (0.35 if pro else 0.1):
            bank, bcode, guichet, compte, key, iban, bic = self.rib()
            rec["Nom Banque"] = bank
            rec["Code Postal Banque"] = postcode
            rec["Ville Banque"] = city.upper()
            rec["Code Banque"], rec["Code Guichet"] = bcode, guichet
            rec["Numéro Compte"], rec["Clé RIB"] = compte, key
            rec["IBAN"], rec["BIC"] = iban, bic

        rec["Compte Comptable"] = "411" + code
        rec["Intitulé compte comptable"] = (company or name).upper()[:35]
        rec["Taux Remise"] = pick(DISCOUNTS)

        obs = force.get("obs")
        if obs is None:
            x = rnd()
            obs = ("plain" if x < 0.2 else "multiline" if x < 0.23
                   else "quoted" if x < 0.24 else "")
        if obs == "plain":
            rec["Observations"] = pick(OBSERVATIONS)
        elif obs == "multiline":
            rec["Observations"] = pick(OBS_MULTILINE)
        elif obs == "quoted":
            rec["Observations"] = OBS_QUOTED
        if pro and rnd() < 0.1:
            rec["Relevé Compte"] = "Oui"

        # --- e-mail and web
        domain = ascii_slug(company or name) + {"FR": ".fr", "RE": ".re", "BE": ".be",
                                                 "CH": ".ch", "LU": ".lu"}[cc]
        if pro or ctype == "Administration":
            rec["E-mail"] = pick(MAILBOXES) + "@" + domain
            if rnd() < 0.3:
                rec["URL"] = "www." + domain
        elif rnd() < 0.8:
            rec["E-mail"] = (f"{ascii_slug(first, '')}.{ascii_slug(surname, '')}"
                             f"{rr(1, 99) if rnd() < 0.4 else ''}@{pick(MAIL_HOSTS)}")

        # --- sales rep
        if not force.get("no_rep") and rnd() < 0.8:
            rec["Représentant"], rec["Nom Représentant"] = pick(REPS)

        rec["Nombre Exemplaire Facture"] = "2" if rnd() < 0.1 else "1"
        created = rr(DAY0, DAY_CREATED_MAX)
        rec["Date de création"] = ddmmyyyy(created)
        if rnd() < 0.85:
            rec["Date Dernière Commande"] = ddmmyyyy(rr(created, DAY_ORDER_MAX))
        rec["Code Tarif"] = pick(PRICE_LISTS)
        if rec.get("Société Livraison") and cc == "FR" and rnd() < 0.5:
            rec["Téléphone Livraison"] = self.phone_fr(digit or "1")
        if rnd() < 0.01:
            rec["Client divers"] = "Oui"
        if rnd() < 0.04:
            rec["Ne pas relancer"] = "Oui"
        if rnd() < 0.08:
            rec["Exclure des mailings"] = "Oui"
        if ctype == "Particulier":
            rec["Facturer en TTC"] = "Oui"

        # --- main contact (companies and public bodies)
        if ctype != "Particulier" and rnd() < 0.65:
            cf = rnd() < 0.5
            cfirst, clast = pick(WOMEN if cf else MEN), pick(SURNAMES)
            rec["Nom du contact"] = f"{clast.upper()} {cfirst}"
            rec["Société du contact"] = company[:50]
            rec["Titre du contact"] = "Mme" if cf else "M."
            rec["Fonction  du contact"] = pick(FUNCTIONS_F if cf else FUNCTIONS_M)
            if cc == "FR":
                rec["Téléphone  du contact"] = self.phone_fr(digit)
                if rnd() < 0.5:
                    rec["Portable du contact"] = self.phone_fr(pick("67"))
            else:
                rec["Téléphone  du contact"] = self.phone_abroad(cc, area)
            rec["E-mail du contact"] = f"{ascii_slug(cfirst, '')}.{ascii_slug(clast, '')}@{domain}"

        rec["Type de client"] = ctype
        # drawn last, so that every other value stays what it was before Risque was filled
        rec["Risque"] = "Contentieux" if rec["Bloqué"] else pick(RISKS)
        assert len(rec) == len(LABELS), "a field name above is misspelt"
        return rec


# ----------------------------------------------------------------- bad rows

def plan_bad_rows(rows: int, seed: int, sample: bool):
    """Row index (1-based) -> kind, spread over the file, one per slot; and, for each
    duplicate-key row, the earlier clean row whose code it repeats."""
    count = len(BAD_KINDS) if sample else max(len(BAD_KINDS), round(rows / 400))
    if rows < 2 * count:
        raise ValueError(f"--bad-rows needs at least {2 * count} rows")
    r = random.Random(seed * 7919 + 17)  # own stream: positions never shift record values
    plan = {}
    for k in range(count):
        lo = k * rows // count + 1
        hi = (k + 1) * rows // count
        # never at the edge of a slot, so two faulty rows are never neighbours
        pos = r.randint(min(lo + 1, hi), max(lo + 1, hi - 1))
        plan[pos] = BAD_KINDS[k % len(BAD_KINDS)]
    sources = {}
    for pos in sorted(plan):
        if plan[pos] == "duplicate-key":
            # not always the row just above: a reader must remember every code seen
            taken = set(plan) | set(sources.values())
            cands = [i for i in range(max(1, pos - 300), pos) if i not in taken]
            sources[pos] = r.choice(cands)
    return plan, sources


def spoil(rec: dict, kind: str, prefix: str, n: int, dup_code: str) -> None:
    """Turn a clean record into one showing a single defect."""
    if kind == "missing-key":
        rec["Code"] = ""
        rec["Compte Comptable"] = ""
    elif kind == "duplicate-key":
        rec["Code"] = dup_code
        rec["Compte Comptable"] = "411" + dup_code
    elif kind == "key-too-long":
        rec["Code"] = f"{prefix}{n:05d}-ARCHIVES"  # always >= 14 characters
        rec["Compte Comptable"] = ""
    elif kind == "missing-required":
        rec["Société"] = ""
        rec["Nom"] = ""
        rec["Intitulé compte comptable"] = ""
        rec["Société Livraison"] = ""
        rec["Société du contact"] = ""
    elif kind == "invalid-siret":
        digits = rec["SIRET"].replace(" ", "")
        bad = digits[:-1] + str((int(digits[-1]) + 1) % 10)  # one wrong digit breaks Luhn
        assert not luhn_ok(bad)
        rec["SIRET"] = bad
    elif kind == "invalid-email":
        rec["E-mail"] = rec["E-mail"].replace("@", ".", 1)
    elif kind == "invalid-phone":
        rec["Téléphone"] = "12"
    elif kind == "unknown-country":
        rec["Pays"] = "Atlantide"
        if rec.get("Pays Livraison"):
            rec["Pays Livraison"] = "Atlantide"
    elif kind == "bad-date":
        rec["Date de création"] = "31/02/2024"
        rec["Date Dernière Commande"] = ""  # nothing left to compare the bad date with
    elif kind == "bad-number":
        rec["Encours autorisé"] = "12,3,4"


# Features forced on clean rows of a --sample file so a 40-row file shows every case.
SAMPLE_FEATURES = [
    {"country": "BE", "ctype": "Professionnel"},
    {"obs": "multiline", "ctype": "Professionnel", "country": "FR"},
    {"ctype": "Particulier", "country": "FR"},
    {"country": "CH", "ctype": "Professionnel"},
    {"ampersand": True, "ctype": "Professionnel", "country": "FR", "delivery": True},
    {"siret_style": 1, "ctype": "Professionnel", "country": "FR", "phone_style": 1},
    {"ctype": "Administration"},
    {"obs": "quoted", "ctype": "Professionnel", "country": "FR"},
    {"country": "LU", "ctype": "Professionnel"},
    {"blocked": True, "ctype": "Professionnel", "country": "FR", "no_rep": True},
    {"country": "RE", "ctype": "Professionnel", "obs": "multiline"},
    {"ctype": "Aucun", "country": "FR", "phone_style": 3},
    {"siret_style": 2, "ctype": "Professionnel", "country": "FR", "phone_style": 2},
    {"ctype": "Particulier", "country": "FR", "no_rep": True},
]


# ----------------------------------------------------------------- writers

class TabWriter:
    """What Sage 50 itself writes: TAB, Windows-1252, CRLF, no quoting."""

    def __init__(self, path):
        self.f = open(path, "w", encoding="cp1252", newline="", buffering=1 << 20)
        self.f.write("\t".join(LABELS) + "\r\n")
        self.line = 2

    def write(self, values) -> int:
        row = "\t".join(values)
        if "\n" in row:  # a TAB export cannot hold a line break
            row = row.replace("\n", " ")
        self.f.write(row + "\r\n")
        self.line += 1
        return self.line - 1

    def close(self):
        self.f.close()


class SemicolonWriter:
    """The same export re-saved by Excel as 'CSV UTF-8 (séparateur : point-virgule)'."""

    def __init__(self, path):
        self.f = open(path, "w", encoding="utf-8-sig", newline="", buffering=1 << 20)
        self.f.write(";".join(LABELS) + "\r\n")
        self.line = 2

    @staticmethod
    def quote(v: str) -> str:
        if ";" in v or '"' in v or "\n" in v or "\r" in v:
            return '"' + v.replace('"', '""') + '"'
        return v

    def write(self, values) -> int:
        start = self.line
        joined = "".join(values)
        if ";" in joined or '"' in joined or "\n" in joined:
            row = ";".join(map(self.quote, values))
        else:
            row = ";".join(values)
        self.f.write(row + "\r\n")
        # a cell line break (Excel writes a bare LF inside the quotes) is a physical line
        self.line += 1 + row.count("\n") - row.count("\r\n")
        return start

    def close(self):
        self.f.close()


class XmlWriter:
    """Record-oriented XML, one <Client> per customer, one field per line."""

    INDENT = "    "

    def __init__(self, path):
        self.f = open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 20)
        self.f.write('<?xml version="1.0" encoding="UTF-8"?>\n<Clients>\n')
        self.line = 3
        self.parts = []
        for label in LABELS:
            if "  " in label:  # not representable as a name: keep the exact label
                open_, close = f'<Champ nom="{label}">', "</Champ>"
                empty = f'<Champ nom="{label}"/>'
            else:
                name = xml_name(label)
                open_, close, empty = f"<{name}>", f"</{name}>", f"<{name}/>"
            self.parts.append((self.INDENT * 2 + open_, close + "\n", self.INDENT * 2 + empty + "\n"))

    @staticmethod
    def escape(v: str) -> str:
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def write(self, values) -> int:
        start = self.line
        joined = "".join(values)
        if "&" in joined or "<" in joined or ">" in joined:
            values = [self.escape(v) for v in values]
        out = [self.INDENT + "<Client>\n"]
        for (open_, close, empty), v in zip(self.parts, values):
            out.append(open_ + v + close if v else empty)
        out.append(self.INDENT + "</Client>\n")
        self.f.write("".join(out))
        self.line += 2 + len(LABELS) + joined.count("\n")
        return start

    def close(self):
        self.f.write("</Clients>\n")
        self.f.close()


WRITERS = {"tab": TabWriter, "semicolon": SemicolonWriter, "xml": XmlWriter}


# ----------------------------------------------------------------- main

def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Write a synthetic Sage 50 FR customers export.")
    p.add_argument("--rows", type=int, required=True, help="number of customer rows")
    p.add_argument("--format", choices=sorted(WRITERS), required=True)
    p.add_argument("--seed", type=int, default=5050)
    p.add_argument("--code-prefix", default="C", help="customer code prefix (default C)")
    p.add_argument("--bad-rows", action="store_true",
                   help="inject faulty rows and write OUTPUT.expected.tsv")
    p.add_argument("--sample", action="store_true",
                   help="exactly one faulty row of each kind, every case shown (implies --bad-rows)")
    p.add_argument("--expected", help="where to write the expected-rejects list")
    p.add_argument("output")
    a = p.parse_args(argv)

    if a.rows < 1:
        p.error("--rows must be at least 1")
    if any(ch in a.code_prefix for ch in "\t\r\n;\"<>&"):
        p.error("--code-prefix holds a character that has no place in a Sage code")
    if len(a.code_prefix) + max(5, len(str(a.rows))) > MAX_CODE:
        p.error(f"codes would exceed {MAX_CODE} characters; shorten --code-prefix")
    bad = a.bad_rows or a.sample

    try:
        plan, dup_source = plan_bad_rows(a.rows, a.seed, a.sample) if bad else ({}, {})
    except ValueError as e:
        p.error(str(e))
    sources = set(dup_source.values())

    forced = {}
    if a.sample:
        clean = [i for i in range(1, a.rows + 1) if i not in plan and i not in sources]
        if len(clean) < len(SAMPLE_FEATURES):
            p.error(f"--sample needs at least {len(plan) + 1 + len(SAMPLE_FEATURES)} rows")
        step = len(clean) / len(SAMPLE_FEATURES)
        for k, feat in enumerate(SAMPLE_FEATURES):
            forced[clean[int(k * step)]] = feat
    for pos, kind in plan.items():
        # a French company, so that each faulty row shows its one defect and nothing else
        forced[pos] = {"ctype": "Professionnel", "country": "FR"}

    factory = CustomerFactory(a.seed, a.code_prefix)
    writer = WRITERS[a.format](a.output)
    expected = []
    code_of, line_of = {}, {}
    no_force = {}
    try:
        for i in range(1, a.rows + 1):
            rec = factory.make(i, forced.get(i, no_force))
            kind = plan.get(i)
            if kind:
                dup = code_of.get(dup_source.get(i), "")
                spoil(rec, kind, a.code_prefix, i, dup)
            line = writer.write(list(rec.values()))
            if i in sources:
                code_of[i], line_of[i] = rec["Code"], line
            if kind:
                expected.append((line, rec["Code"], kind))
                if kind == "duplicate-key":
                    src = dup_source[i]
                    expected.append((line_of[src], code_of[src], kind))
    finally:
        writer.close()

    if bad:
        path = a.expected or a.output + ".expected.tsv"
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            for line, code, kind in sorted(expected):
                f.write(f"{line}\t{code}\t{kind}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
