/// What a reason code means, in plain words, and what to do about it and where.
package struct ReasonHelp: Sendable, Equatable {
  package var explanation: String
  package var fix: String
}

extension MessageCatalogue {
  /// The explanation and the fix of `code` in `language`; a code this version does
  /// not know (a newer report) gets a general one.
  package static func help(for code: String, in language: ReportLanguage) -> ReasonHelp {
    guard let known = ReasonCode(rawValue: code), let texts = reasons[known] else {
      return language == .french
        ? ReasonHelp(
          explanation: "Motif inconnu de cette version de Passerelle.",
          fix: "Lire le message de chaque ligne dans le rapport ligne par ligne.")
        : ReasonHelp(
          explanation: "A reason this version of Passerelle does not know.",
          fix: "Read the message of each row in the row report.")
    }
    return language == .french ? texts.french : texts.english
  }

  /// Every reason code, in French then in English; a test checks that none lacks one.
  package static let reasons: [ReasonCode: (french: ReasonHelp, english: ReasonHelp)] =
    fileReasons.merging(rowReasons) { first, _ in first }.merging(valueReasons) { first, _ in first
    }
    .merging(salesManagementReasons) { first, _ in first }

  static func both(_ french: (String, String), _ english: (String, String)) -> (
    french: ReasonHelp, english: ReasonHelp
  ) {
    (
      ReasonHelp(explanation: french.0, fix: french.1),
      ReasonHelp(explanation: english.0, fix: english.1)
    )
  }

  /// Whole files set aside.
  static let fileReasons: [ReasonCode: (french: ReasonHelp, english: ReasonHelp)] = [
    .unknownEntity: both(
      (
        "L'en-tête du fichier ne correspond à aucun export connu (ou un fichier JSON a été déposé dans watch/sage/).",
        "Dans Sage 50, vérifier le format d'export paramétrable (colonnes et libellés de la liste, séparateur TAB), puis exporter de nouveau dans watch/sage/ ; un fichier de Sales Management va dans watch/salesmanagement/."
      ),
      (
        "The file's header matches no known export (or a JSON file was dropped into watch/sage/).",
        "In Sage 50, check the export format (the list's columns and labels, TAB separator), then export again into watch/sage/; a file from Sales Management goes to watch/salesmanagement/."
      )),
    .unreadableEncoding: both(
      (
        "Le fichier n'est ni en UTF-8 ni en Windows-1252, ou c'est un fichier binaire.",
        "Dans Sage 50, exporter de nouveau avec le jeu de caractères « Windows » ; ne pas déposer de classeur Excel (.xlsx) ni d'archive."
      ),
      (
        "The file is neither UTF-8 nor Windows-1252, or it is binary.",
        "In Sage 50, export again with the “Windows” character set; do not drop Excel workbooks (.xlsx) or archives."
      )),
    .malformedCSV: both(
      (
        "Un guillemet ouvert ne se ferme pas : on ne peut pas savoir où finit la valeur (copie tronquée, guillemet en trop).",
        "Exporter de nouveau depuis Sage 50 plutôt que de retoucher le fichier ; s'il a été édité dans Excel, l'enregistrer en CSV sans modifier les guillemets."
      ),
      (
        "A quote opens and never closes: where the value ends cannot be told (a truncated copy, a stray quote).",
        "Export again from Sage 50 rather than editing the file; if it went through Excel, save it as CSV without touching the quotes."
      )),
    .malformedXML: both(
      (
        "Le XML n'est pas bien formé (balise non fermée, fichier coupé).",
        "Exporter de nouveau depuis Sage 50 et déposer le fichier complet."
      ),
      (
        "The XML is not well formed (an unclosed element, a cut file).",
        "Export again from Sage 50 and drop the complete file."
      )),
    .malformedJSON: both(
      (
        "Un fichier de watch/salesmanagement/ n'est pas un tableau JSON d'objets ni {\"records\": […]} (ou un export Sage a été déposé là).",
        "Vérifier le programme qui écrit ces fichiers ; un export de Sage 50 va dans watch/sage/."
      ),
      (
        "A file in watch/salesmanagement/ is not a JSON array of objects nor {\"records\": […]} (or a Sage export was dropped there).",
        "Check the program that writes these files; a Sage 50 export goes to watch/sage/."
      )),
    .xmlDoctypeForbidden: both(
      (
        "Le XML contient une déclaration DOCTYPE ou d'entité, refusée par sécurité (jamais développée).",
        "Exporter de nouveau depuis Sage 50 sans modification ; un fichier venu d'ailleurs est à vérifier."
      ),
      (
        "The XML holds a DOCTYPE or entity declaration, refused for safety (never expanded).",
        "Export again from Sage 50 unchanged; a file from elsewhere should be checked."
      )),
    .tooLarge: both(
      (
        "Une limite est dépassée (taille du fichier, d'une valeur, d'une ligne, nombre de colonnes ou de lignes, imbrication ; ou plus de 10 000 lignes pour un document). Le message nomme la limite.",
        "Vérifier l'export (une colonne de trop, un mémo démesuré) ; si le volume est normal, relever la limite nommée dans [reading] de passerelle.toml."
      ),
      (
        "A limit is exceeded (file size, a value, a row, columns or rows, nesting; or over 10,000 lines in one document). The message names the limit.",
        "Check the export (an extra column, a huge memo); if the volume is normal, raise the named limit in [reading] of passerelle.toml."
      )),
    .duplicateFile: both(
      (
        "Le même contenu a déjà été traité : le fichier est archivé, rien n'est envoyé. Ce n'est pas une erreur.",
        "Rien à faire."
      ),
      (
        "The same content was already processed: the file is archived, nothing is sent. Not an error.",
        "Nothing to do."
      )),
    .massDeletionGuard: both(
      (
        "Cet export supprimerait plus que mass_deletion_share des enregistrements connus de sa liste : il est retenu.",
        "Si l'export était incomplet, exporter de nouveau toute la liste depuis Sage 50 ; s'il est vraiment complet, lancer « passerelle allow-deletions <lot> » puis déposer de nouveau le fichier."
      ),
      (
        "This export would delete more than mass_deletion_share of its list's known records: it is held.",
        "If the export was partial, export the whole list again from Sage 50; if it really is complete, run “passerelle allow-deletions <batch>” and drop the file again."
      )),
    .emptyFile: both(
      (
        "Le fichier est vide, sans en-tête, ou n'a qu'un en-tête sans lignes.",
        "Dans Sage 50, vérifier la sélection de l'export (filtre, période) puis exporter de nouveau."
      ),
      (
        "The file is empty, has no header, or a header without rows.",
        "In Sage 50, check the export's selection (filter, period), then export again."
      )),
    .processingFailed: both(
      (
        "La conversion de ce fichier a été interrompue plusieurs fois (plantage, arrêt forcé) : il est mis de côté pour ne pas bloquer les autres.",
        "Consulter le journal de Passerelle autour de ces interruptions ; après correction, redéposer le fichier dans son dossier de dépôt."
      ),
      (
        "The conversion of this file was cut short several times (crash, kill): it is set aside so that it cannot block the others.",
        "Read Passerelle's log around those interruptions; once fixed, drop the file again into its drop folder."
      )),
    .linkNotFollowed: both(
      (
        "Un lien symbolique a été déposé au lieu d'un fichier : il n'est jamais suivi, il est supprimé, sa cible est intacte.",
        "Copier le fichier lui-même dans le dossier de dépôt, pas un lien."
      ),
      (
        "A symbolic link was dropped instead of a file: it is never followed, it is deleted, its target untouched.",
        "Copy the file itself into the drop folder, not a link."
      )),
  ]

  /// Rows left out for their key, their shape or their references.
  static let rowReasons: [ReasonCode: (french: ReasonHelp, english: ReasonHelp)] = [
    .missingKey: both(
      (
        "La ligne n'a pas de code : sans code, Sales Management ne peut pas la rattacher.",
        "Dans Sage 50, compléter le code dans la fiche (client, article…), puis exporter de nouveau la liste."
      ),
      (
        "The row has no code: without one, Sales Management cannot match it.",
        "In Sage 50, fill in the code in the record (customer, article…), then export the list again."
      )),
    .keyTooLong: both(
      (
        "Le code dépasse la longueur que Sage 50 autorise (13 caractères ; articles 15 ; contacts 30).",
        "Dans Sage 50, raccourcir le code de la fiche (ou vérifier la colonne exportée comme code), puis exporter de nouveau la liste."
      ),
      (
        "The code is longer than Sage 50 allows (13 characters; articles 15; contacts 30).",
        "In Sage 50, shorten the record's code (or check which column is exported as the code), then export the list again."
      )),
    .duplicateKey: both(
      (
        "Le même code figure deux fois dans le fichier : les deux lignes sont écartées.",
        "Dans Sage 50, donner un code distinct à l'une des deux fiches (ou supprimer le doublon), puis exporter de nouveau la liste."
      ),
      (
        "The same code is twice in the file: both rows are left out.",
        "In Sage 50, give one of the two records another code (or delete the duplicate), then export the list again."
      )),
    .missingRequired: both(
      (
        "Une valeur obligatoire est vide (ni Société ni Nom, article sans Désignation courte, contact sans nom ni société, document sans date ni client).",
        "Dans Sage 50, compléter dans la fiche la valeur que nomme la colonne « Champ », puis exporter de nouveau la liste."
      ),
      (
        "A required value is empty (neither Société nor Nom, an article without Désignation courte, a contact without name or company, a document without date or customer).",
        "In Sage 50, fill in the record's value that the Field column names, then export the list again."
      )),
    .unknownReference: both(
      (
        "La ligne cite un enregistrement inconnu du fichier et du manifeste (la société d'un contact, le client d'une facture, l'article d'un devis…).",
        "Exporter d'abord la liste citée (clients, articles) depuis Sage 50, ou corriger le code cité dans la fiche, puis exporter de nouveau."
      ),
      (
        "The row names a record unknown to the file and the manifest (a contact's company, an invoice's customer, a quote's article…).",
        "Export the named list (customers, articles) from Sage 50 first, or correct the code in the record, then export again."
      )),
    .raggedRow: both(
      (
        "La ligne a plus ou moins de valeurs que l'en-tête a de colonnes (séparateur ou saut de ligne dans une valeur).",
        "Dans Sage 50, retirer le caractère TAB ou le saut de ligne de la fiche indiquée, puis exporter de nouveau la liste."
      ),
      (
        "The row has more or fewer values than the header has columns (a separator or line break inside a value).",
        "In Sage 50, remove the TAB or line break from the record shown, then export the list again."
      )),
    .foreignLine: both(
      (
        "Une ligne L porte le N° pièce d'un autre document : tout le document est écarté.",
        "Exporter de nouveau les documents depuis Sage 50 sans retoucher le fichier."
      ),
      (
        "An L line carries another document's N° pièce: the whole document is left out.",
        "Export the documents again from Sage 50 without editing the file."
      )),
    .readOnlyRecord: both(
      (
        "Un prospect que Sage 50 a transformé en client (ligne ignorée), ou une modification dans SM d'un client, qui appartient à Sage.",
        "Les clients se modifient dans Sage 50 ; retirer le prospect de la liste des prospects s'il est devenu client."
      ),
      (
        "A prospect Sage 50 turned into a customer (row ignored), or an SM edit of a customer, which belongs to Sage.",
        "Customers are edited in Sage 50; remove the prospect from the prospects list once it became a customer."
      )),
    .notSynchronised: both(
      (
        "Commande ou bon de livraison (non envoyé à SM), ou modification dans SM d'un enregistrement dont Passerelle ne connaît pas encore les valeurs Sage.",
        "Rien à faire pour les commandes ; pour un enregistrement de SM, attendre le prochain export de sa liste depuis Sage 50, puis refaire la modification dans SM."
      ),
      (
        "An order or delivery note (not sent to SM), or an SM edit of a record whose Sage values Passerelle does not know yet.",
        "Nothing to do for orders; for an SM record, wait for the next export of its list from Sage 50, then make the change in SM again."
      )),
    .conflict: both(
      (
        "Le même champ a changé dans Sage 50 et dans SM (Sage l'emporte), ou un devis de SM a changé après son envoi à Sage.",
        "Décider de la bonne valeur et la saisir dans Sage 50 ; pour un devis, faire la modification dans Sage 50."
      ),
      (
        "The same field changed in Sage 50 and in SM (Sage wins), or an SM quote changed after it went to Sage.",
        "Decide which value is right and enter it in Sage 50; for a quote, make the change in Sage 50."
      )),
    .wrongType: both(
      (
        "Un champ d'un enregistrement de SM a le mauvais type JSON (par exemple \"deleted\": \"yes\").",
        "Corriger le programme qui écrit les fichiers de watch/salesmanagement/."
      ),
      (
        "A field of an SM record has the wrong JSON type (for example \"deleted\": \"yes\").",
        "Fix the program that writes the files in watch/salesmanagement/."
      )),
  ]
}
