extension MessageCatalogue {
  /// Why a whole file is set aside, and where it is said.
  static let files: [MessageKey: MessageTemplate] = [
    .verbatim: MessageTemplate("{text}", "{text}"),
    .placeLine: MessageTemplate("ligne {line}", "line {line}"),
    .placeLineField: MessageTemplate("ligne {line}, champ {field}", "line {line}, field {field}"),
    .fileIsLink: MessageTemplate(
      "Le fichier est un lien symbolique vers {target} : Passerelle ne suit jamais les liens. Déposer le fichier lui-même dans le dossier.",
      "The file is a symbolic link to {target}: Passerelle never follows links. Put the file itself in the folder."
    ),
    .fileCannotOpen: MessageTemplate(
      "Impossible d'ouvrir le fichier ({system}). Vérifier les droits du dossier de dépôt, puis déposer le fichier de nouveau.",
      "Cannot open the file ({system}). Check the drop folder's permissions, then drop the file again."
    ),
    .fileNotRegular: MessageTemplate(
      "Ce n'est pas un fichier ordinaire (dossier, tube ou périphérique) : ne déposer que des fichiers d'export.",
      "Not a regular file (a folder, pipe or device): drop export files only."
    ),
    .fileReadFailed: MessageTemplate(
      "La lecture du fichier a échoué ({system}). Déposer le fichier de nouveau ; si l'erreur revient, vérifier le disque ou le partage réseau.",
      "Reading the file failed ({system}). Drop the file again; if it fails again, check the disk or the network share."
    ),
    .fileTooLarge: MessageTemplate(
      "Le fichier fait {size} octets, au-delà de la limite de {limit} : exporter la liste en plusieurs fois (par exemple par plage de codes) ou relever la limite dans les réglages.",
      "The file holds {size} bytes, over the limit of {limit}: export the list in several parts (by range of codes, say) or raise the limit in the settings."
    ),
    .fileEmpty: MessageTemplate(
      "Le fichier est vide : exporter de nouveau depuis Sage 50.",
      "The file is empty: export again from Sage 50."
    ),
    .fileHoldsNUL: MessageTemplate(
      "Le fichier contient des octets nuls : c'est un fichier binaire, pas un export texte. Exporter au format texte (CSV) depuis Sage 50.",
      "The file contains NUL bytes: a binary file, not a text export. Export as text (CSV) from Sage 50."
    ),
    .fileInnerByteOrderMark: MessageTemplate(
      "Une marque d'ordre des octets UTF-8 se trouve au milieu du fichier : deux exports collés l'un à l'autre ? Exporter de nouveau en un seul fichier.",
      "A UTF-8 byte-order mark inside the file, not at its start: two exports pasted together? Export again as one file."
    ),
    .fileInvalidUTF8AfterMark: MessageTemplate(
      "Le fichier commence par la marque UTF-8 mais contient des octets UTF-8 invalides : exporter de nouveau depuis Sage 50 sans retoucher le fichier.",
      "The file starts with a UTF-8 mark but holds invalid UTF-8 bytes: export again from Sage 50 without editing the file."
    ),
    .fileNeitherEncoding: MessageTemplate(
      "Les octets ne sont ni de l'UTF-8 valide ni du {fallback} : exporter de nouveau depuis Sage 50 avec le jeu de caractères « Windows ».",
      "The bytes are neither valid UTF-8 nor {fallback}: export again from Sage 50 with the “Windows” character set."
    ),
    .tooManyRecords: MessageTemplate(
      "Le fichier contient plus de {limit} enregistrements : exporter la liste en plusieurs fois ou relever la limite dans les réglages.",
      "The file holds more than {limit} records: export the list in several parts or raise the limit in the settings."
    ),
    .tooManyColumns: MessageTemplate(
      "Un enregistrement a plus de {limit} colonnes : vérifier le séparateur choisi dans le format d'export de Sage 50.",
      "A record has more than {limit} columns: check the separator chosen in Sage 50's export format."
    ),
    .tooManyXMLFields: MessageTemplate(
      "Les enregistrements ont plus de {limit} champs différents : ce n'est pas un export de Sage 50.",
      "The records hold more than {limit} different fields: this is not a Sage 50 export."
    ),
    .valueTooLong: MessageTemplate(
      "Une valeur dépasse {limit} octets : corriger la fiche dans Sage 50 (un texte collé par erreur ?) puis exporter de nouveau.",
      "A value is longer than {limit} bytes: correct the record in Sage 50 (text pasted by mistake?) then export again."
    ),
    .recordTooLong: MessageTemplate(
      "Un enregistrement dépasse {limit} octets : corriger la fiche dans Sage 50 puis exporter de nouveau.",
      "A record is longer than {limit} bytes: correct the record in Sage 50 then export again."
    ),
    .noHeaderLine: MessageTemplate(
      "Le fichier n'a pas de ligne d'en-tête : dans Sage 50, cocher l'export des libellés de colonnes, puis exporter de nouveau.",
      "The file has no header line: in Sage 50, tick the export of column labels, then export again."
    ),
    .csvEndsInQuote: MessageTemplate(
      "Le fichier se termine à l'intérieur d'une valeur entre guillemets de l'enregistrement commencé ligne {line} : export tronqué ou guillemet en trop. Exporter de nouveau depuis Sage 50.",
      "The file ends inside a quoted value of the record starting on line {line}: a truncated export or an unbalanced quote. Export again from Sage 50."
    ),
    .csvQuoteNotClosed: MessageTemplate(
      "Une valeur entre guillemets de l'enregistrement commencé ligne {line} ne se ferme pas dans les {limit} lignes suivantes : guillemet en trop. Corriger la fiche dans Sage 50 ou exporter de nouveau.",
      "A quoted value of the record starting on line {line} does not close within {limit} lines: an unbalanced quote. Correct the record in Sage 50 or export again."
    ),
    .csvParserError: MessageTemplate(
      "Le CSV est illisible ({parser}) : exporter de nouveau depuis Sage 50 sans retoucher le fichier.",
      "The CSV cannot be read ({parser}): export again from Sage 50 without editing the file."
    ),
    .xmlNoRecord: MessageTemplate(
      "Le XML ne contient aucun enregistrement : exporter de nouveau une liste non vide.",
      "The XML holds no record element: export a list that is not empty."
    ),
    .xmlCannotOpen: MessageTemplate(
      "Le lecteur XML ne peut pas ouvrir le fichier : déposer le fichier de nouveau.",
      "The XML reader cannot open the file: drop the file again."
    ),
    .xmlParserLimit: MessageTemplate(
      "Une valeur texte dépasse la limite propre du lecteur XML ({limit} octets) : {parser}",
      "A text value is over the XML parser's own limit ({limit} bytes): {parser}"
    ),
    .xmlNotWellFormed: MessageTemplate(
      "Le XML n'est pas bien formé ({parser}) : exporter de nouveau depuis Sage 50 et déposer le fichier complet.",
      "The XML is not well formed ({parser}): export again from Sage 50 and drop the complete file."
    ),
    .xmlTooDeep: MessageTemplate(
      "Les éléments sont imbriqués sur plus de {limit} niveaux : ce n'est pas un export de Sage 50.",
      "Elements nest deeper than {limit} levels: this is not a Sage 50 export."
    ),
    .xmlDoctype: MessageTemplate(
      "Le fichier déclare un DOCTYPE ; les entités ne sont jamais développées. Exporter de nouveau depuis Sage 50 sans retoucher le fichier.",
      "The file declares a DOCTYPE; entities are never expanded. Export again from Sage 50 without editing the file."
    ),
    .xmlEntityReference: MessageTemplate(
      "Le fichier utilise des références d'entité, jamais développées : exporter de nouveau depuis Sage 50.",
      "The file uses entity references, which are never expanded: export again from Sage 50."
    ),
    .jsonRecordNotObject: MessageTemplate(
      "Un enregistrement n'est pas un objet JSON : le fichier ne vient pas de Sales Management tel quel.",
      "A record is not a JSON object: the file did not come from Sales Management as it is."
    ),
    .jsonTrailingText: MessageTemplate(
      "Du texte suit la fin de la valeur JSON : fichier collé ou retouché.",
      "Something follows the end of the JSON value: a pasted or edited file."
    ),
    .jsonNotArrayOrObject: MessageTemplate(
      "Le fichier n'est ni un tableau ni un objet JSON.",
      "The file is neither a JSON array nor a JSON object."
    ),
    .jsonTooDeep: MessageTemplate(
      "Le JSON est imbriqué sur plus de {limit} niveaux.",
      "The JSON nests deeper than {limit} levels."
    ),
    .jsonUnbalancedBracket: MessageTemplate(
      "Un crochet ou une accolade ne correspond pas à son ouverture.",
      "A bracket or brace does not match its opening."
    ),
    .jsonEmpty: MessageTemplate("Le fichier ne contient pas de JSON.", "The file holds no JSON."),
    .jsonUnclosed: MessageTemplate(
      "Le JSON s'arrête avant d'être fermé : fichier tronqué. Le déposer de nouveau en entier.",
      "The JSON ends before it is closed: a truncated file. Drop it again, whole."
    ),
  ]
}
