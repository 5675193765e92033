extension MessageCatalogue {
  /// Values left out or changed: the row went through without them (warnings), or
  /// was left out where the value is needed.
  static let valueReasons: [ReasonCode: (french: ReasonHelp, english: ReasonHelp)] = [
    .badNumber: both(
      (
        "Ce n'est pas un nombre : la valeur est laissée de côté (la ligne est rejetée si la valeur est indispensable, comme un prix ou un montant).",
        "Dans Sage 50, corriger le nombre dans la fiche (chiffres, une seule virgule), puis exporter de nouveau la liste."
      ),
      (
        "Not a number: the value is left out (the row is rejected where the value is needed, such as a price or an amount).",
        "In Sage 50, correct the number in the record (digits, one decimal comma), then export the list again."
      )),
    .badDate: both(
      (
        "Ce n'est pas une date (jj/mm/aaaa) : la valeur est laissée de côté (la ligne est rejetée pour la date d'un document).",
        "Dans Sage 50, corriger la date dans la fiche, puis exporter de nouveau la liste."
      ),
      (
        "Not a date (dd/mm/yyyy): the value is left out (the row is rejected for a document's date).",
        "In Sage 50, correct the date in the record, then export the list again."
      )),
    .invalidSIRET: both(
      (
        "Le SIRET n'a pas 14 chiffres ou sa clé de contrôle est fausse : il n'est pas envoyé.",
        "Dans Sage 50, corriger le SIRET dans la fiche du client, puis exporter de nouveau la liste."
      ),
      (
        "The SIRET does not have 14 digits or its check digit is wrong: it is not sent.",
        "In Sage 50, correct the SIRET in the customer's record, then export the list again."
      )),
    .invalidVATNumber: both(
      (
        "Le numéro de TVA intracommunautaire n'a pas la forme attendue : il n'est pas envoyé.",
        "Dans Sage 50, corriger le N° TVA intracom dans la fiche, puis exporter de nouveau la liste."
      ),
      (
        "The intra-EU VAT number does not have the expected form: it is not sent.",
        "In Sage 50, correct the N° TVA intracom in the record, then export the list again."
      )),
    .invalidEmail: both(
      (
        "L'adresse e-mail n'est pas valable : elle n'est pas envoyée.",
        "Dans Sage 50, corriger l'e-mail dans la fiche, puis exporter de nouveau la liste."
      ),
      (
        "The e-mail address is not valid: it is not sent.",
        "In Sage 50, correct the e-mail in the record, then export the list again."
      )),
    .invalidPhone: both(
      (
        "Le numéro de téléphone n'en est pas un (trop peu de chiffres, lettres) : il n'est pas envoyé.",
        "Dans Sage 50, corriger le numéro dans la fiche, puis exporter de nouveau la liste."
      ),
      (
        "The phone number is not one (too few digits, letters): it is not sent.",
        "In Sage 50, correct the number in the record, then export the list again."
      )),
    .unknownCountry: both(
      (
        "Aucun pays ISO ne correspond à ce nom : le pays n'est pas envoyé.",
        "Dans Sage 50, écrire le pays en toutes lettres (France, Belgique…) dans la fiche, puis exporter de nouveau la liste."
      ),
      (
        "No ISO country matches this name: the country is not sent.",
        "In Sage 50, write the country in full (France, Belgique…) in the record, then export the list again."
      )),
    .unmappedValue: both(
      (
        "Un type de client ou un représentant sans identifiant SM configuré (gardé dans son champ Z_), ou une valeur non textuelle dans un enregistrement de SM.",
        "Ajouter la correspondance dans passerelle.toml ([salesmanagement.account_types], [salesmanagement.users]) ; les lignes suivront au prochain export."
      ),
      (
        "A customer type or representative with no SM id configured (kept in its Z_ field), or a non-text value in an SM record.",
        "Add the mapping to passerelle.toml ([salesmanagement.account_types], [salesmanagement.users]); the rows follow with the next export."
      )),
    .imageMissing: both(
      (
        "L'image de l'article est introuvable dans les dossiers d'images : l'article part sans elle.",
        "Copier l'image dans watch/sage/images/ (ou le dossier de [pictures] folders), puis exporter de nouveau les articles."
      ),
      (
        "The article's picture is not in the image folders: the article is sent without it.",
        "Copy the picture into watch/sage/images/ (or the folder set in [pictures] folders), then export the articles again."
      )),
    .imageUnsafePath: both(
      (
        "Le nom de l'image n'est pas un simple nom de fichier image dans les dossiers d'images : il est refusé.",
        "Dans Sage 50, donner à l'article un chemin d'image simple (ART01.jpg), puis exporter de nouveau les articles."
      ),
      (
        "The picture's name is not a plain picture file name inside the image folders: it is refused.",
        "In Sage 50, give the article a plain picture path (ART01.jpg), then export the articles again."
      )),
    .totalsMismatch: both(
      (
        "Les lignes de la facture ne donnent pas son Mt total TTC à un centime près (la facture est envoyée quand même).",
        "Dans Sage 50, vérifier les remises, le port et les taux de TVA du document."
      ),
      (
        "The invoice's lines do not add up to its Mt total TTC within one cent (the invoice is still sent).",
        "In Sage 50, check the document's discounts, shipping and VAT rates."
      )),
    .textNotRepresentable: both(
      (
        "Des caractères que Windows-1252 (le jeu de Sage) ne connaît pas ont été écrits « ? ».",
        "Dans Sales Management, remplacer ces caractères (emoji, écritures non latines)."
      ),
      (
        "Characters Windows-1252 (Sage's character set) cannot hold were written as “?”.",
        "In Sales Management, replace those characters (emoji, non-Latin scripts)."
      )),
    .valueTruncated: both(
      (
        "Une valeur venue de SM dépasse la longueur du champ de Sage : elle a été coupée.",
        "Dans Sales Management, raccourcir la valeur, ou la compléter dans Sage 50 après l'import."
      ),
      (
        "A value from SM is longer than Sage's field: it was cut.",
        "In Sales Management, shorten the value, or complete it in Sage 50 after the import."
      )),
  ]

  /// What Sales Management refused, or what waits on it.
  static let salesManagementReasons: [ReasonCode: (french: ReasonHelp, english: ReasonHelp)] = [
    .refusedBySalesManagement: both(
      (
        "L'API de Sales Management a refusé l'enregistrement à la livraison (son message et le champ en cause sont dans le rapport) ; le reste a été livré.",
        "Selon le message : renseigner branch_id ou admin_user_id dans passerelle.toml, associer le représentant à un utilisateur SM ([salesmanagement.users]), ou corriger la fiche dans Sage 50 ; puis exporter de nouveau la liste."
      ),
      (
        "Sales Management's API refused the record at delivery (its message and field are in the report); the rest was delivered.",
        "As the message says: set branch_id or admin_user_id in passerelle.toml, map the representative to an SM user ([salesmanagement.users]), or correct the record in Sage 50; then export the list again."
      )),
    .unmatchedQuote: both(
      (
        "Un devis chiffré par Sage dont le devis SM n'est pas (encore) connu : il attend dans le manifeste.",
        "Rien à faire s'il vient de SM ; sinon, vérifier la Référence pièce du devis dans Sage 50."
      ),
      (
        "A quote priced by Sage whose SM quote is not known (yet): it waits in the manifest.",
        "Nothing to do if it came from SM; otherwise check the quote's Référence pièce in Sage 50."
      )),
    .deletionNotPropagated: both(
      (
        "Supprimé dans SM : Sage 50 n'est pas modifié, par choix.",
        "Si la fiche doit disparaître, la supprimer ou la mettre en sommeil dans Sage 50."
      ),
      (
        "Deleted in SM: Sage 50 is left untouched, by design.",
        "If the record must go, delete it or put it to sleep in Sage 50."
      )),
  ]
}
