extension MessageCatalogue {
  /// Why a row of a Sage export or an SM file is rejected or carries a warning.
  static let rows: [MessageKey: MessageTemplate] = [
    .conversionKeptStopping: MessageTemplate(
      "La conversion s'est arrêtée {count} fois sans aboutir (plantage ou arrêt forcé) : le fichier est mis de côté pour ne pas bloquer les autres. Le transmettre au support avec le journal.",
      "The conversion stopped {count} times without finishing (crash or kill): the file is set aside so that it cannot block the others. Send it to support with the log."
    ),
    .sageExportInSalesManagementFolder: MessageTemplate(
      "Les fichiers de Sales Management sont en JSON : un export de Sage 50 se dépose dans watch/sage/.",
      "Files from Sales Management are JSON: a Sage 50 export goes to watch/sage/."
    ),
    .jsonInSageFolder: MessageTemplate(
      "Un fichier JSON n'est pas un export de Sage 50 : les fichiers de Sales Management se déposent dans watch/salesmanagement/.",
      "A JSON file is not a Sage 50 export: files from Sales Management go to watch/salesmanagement/."
    ),
    .salesManagementFileNotUTF8: MessageTemplate(
      "Les fichiers de Sales Management sont en UTF-8 : celui-ci ne l'est pas (retouché dans un éditeur ?).",
      "Files from Sales Management are UTF-8: this one is not (edited in an editor?)."
    ),
    .duplicateOf: MessageTemplate(
      "Même contenu que le lot {batch} : rien n'est produit une seconde fois.",
      "Same content as batch {batch}: nothing is emitted twice."
    ),
    .unknownHeader: MessageTemplate(
      "L'en-tête ne correspond à aucun export connu de Sage 50 (il commence par : {start}). Vérifier le format d'export paramétrable dans Sage 50.",
      "The header matches no known Sage 50 export (it starts with: {start}). Check the export format in Sage 50."
    ),
    .headerLacksKeyColumn: MessageTemplate(
      "L'en-tête n'a pas de colonne {column} : l'ajouter au format d'export de Sage 50, puis exporter de nouveau.",
      "The header has no {column} column: add it to Sage 50's export format, then export again."
    ),
    .noRows: MessageTemplate(
      "L'export a une ligne d'en-tête mais aucune ligne de données : vérifier la sélection dans Sage 50.",
      "The export has a header line but no rows: check the selection in Sage 50."
    ),
    .noDocuments: MessageTemplate(
      "L'export a une ligne d'en-tête mais aucune pièce : vérifier la sélection dans Sage 50.",
      "The export has a header line but no documents: check the selection in Sage 50."
    ),
    .massDeletion: MessageTemplate(
      "L'export supprimerait {missing} des {known} {records} connus ({share} %, au-delà des {allowed} % permis). Si l'export est complet, lancer « passerelle allow-deletions {sha256} » puis déposer de nouveau le fichier ; sinon, exporter de nouveau la liste entière.",
      "The export would delete {missing} of the {known} known {records} ({share} %, over the allowed {allowed} %). If the export is complete, run 'passerelle allow-deletions {sha256}' and drop the file again; otherwise export the whole list again."
    ),
    .mainContactsOf: MessageTemplate(
      "contacts principaux des {records}", "main contacts of {records}"),
    .salesManagementFileUnknown: MessageTemplate(
      "Ni une clé « entity » ni le nom du fichier (salesorders…, accounts…, contacts…) ne disent ce que contient le fichier.",
      "Neither an \"entity\" key nor the file name (salesorders…, accounts…, contacts…) tells what the file holds."
    ),
    .salesManagementFileEmpty: MessageTemplate(
      "Le fichier ne contient aucun enregistrement ({resource}).",
      "The file holds no record ({resource})."
    ),
    .salesManagementResourceNotReturned: MessageTemplate(
      "« {resource} » n'est pas renvoyé par Sales Management vers Sage (salesorders, accounts, contacts).",
      "\"{resource}\" is not something SM sends back to Sage (salesorders, accounts, contacts)."
    ),
    .rowTooManyValues: MessageTemplate(
      "La ligne a {count} valeurs pour {columns} colonnes (un séparateur dans une valeur ?) : corriger la fiche dans Sage 50, puis exporter de nouveau.",
      "The row has {count} values for {columns} columns (a separator inside a value?): correct the record in Sage 50, then export again."
    ),
    .rowTooFewValues: MessageTemplate(
      "La ligne a {count} valeurs pour {columns} colonnes (un retour à la ligne dans une valeur ?) : corriger la fiche dans Sage 50, puis exporter de nouveau.",
      "The row has {count} values for {columns} columns (a line break inside a value?): correct the record in Sage 50, then export again."
    ),
    .documentLeftOut: MessageTemplate(
      "{problem} La pièce est écartée.", "{problem} The document is left out."),
    .duplicateCode: MessageTemplate(
      "Le même code figure aussi ligne {line} : les deux lignes sont écartées. Corriger le code en double dans Sage 50, puis exporter de nouveau la liste.",
      "The same code is also on line {line}: both rows are left out. Correct the duplicate code in Sage 50, then export the list again."
    ),
    .duplicateDocumentNumber: MessageTemplate(
      "Le même numéro de pièce figure aussi ligne {line} : les deux pièces sont écartées. Exporter de nouveau les pièces depuis Sage 50.",
      "The same document number is also on line {line}: both documents are left out. Export the documents again from Sage 50."
    ),
    .representativeUnknownInSalesManagement: MessageTemplate(
      "Aucun utilisateur de SM n'est associé à ce représentant : gardé dans Z_REPRESENTANT. Ajouter le représentant sous [salesmanagement.users] dans passerelle.toml.",
      "No SM user is known for this representative: kept in Z_REPRESENTANT. Add the representative under [salesmanagement.users] in passerelle.toml."
    ),
    .unknownReference: MessageTemplate(
      "Aucune fiche ne porte ce code pour {record}, ni dans ce fichier ni dans un export précédent : exporter d'abord cette liste depuis Sage 50, ou corriger le code.",
      "No record has this code for {record}, neither in this file nor in an earlier export: export that list from Sage 50 first, or correct the code."
    ),
    .prospectIsCustomer: MessageTemplate(
      "Ce code est un client dans Sage : la ligne du prospect est ignorée.",
      "This code is a customer in Sage: its prospect row is ignored."
    ),
    .missingCode: MessageTemplate(
      "Pas de code Sage pour {record} : saisir le code dans la fiche de Sage 50, puis exporter de nouveau la liste.",
      "No Sage code for {record}: enter the code in the record in Sage 50, then export the list again."
    ),
    .codeTooLong: MessageTemplate(
      "Le code a {count} caractères ; Sage 50 en permet {limit}. Corriger le code dans la fiche de Sage 50, puis exporter de nouveau la liste.",
      "The code has {count} characters; Sage 50 allows {limit}. Correct the code in the record in Sage 50, then export the list again."
    ),
    .articleNoShortName: MessageTemplate(
      "L'article n'a pas de désignation courte (le nom du produit dans SM) : la saisir dans la fiche article de Sage 50, puis exporter de nouveau.",
      "The article has no Désignation courte (SM's product name): enter it in the article's record in Sage 50, then export again."
    ),
    .priceNotNumber: MessageTemplate(
      "Le prix n'est pas un nombre : le corriger dans la fiche article de Sage 50, puis exporter de nouveau.",
      "The price is not a number: correct it in the article's record in Sage 50, then export again."
    ),
    .stockNotNumber: MessageTemplate(
      "Le stock n'est pas un nombre : il n'est pas envoyé.",
      "The stock is not a number: it is left out."
    ),
    .stockTooLarge: MessageTemplate(
      "Le stock dépasse un milliard : il n'est pas envoyé dans le champ de SM.",
      "The stock is beyond a billion: it is left out of SM's field."
    ),
    .familyUnmapped: MessageTemplate(
      "Aucune famille SM n'est associée à cette famille Sage : gardée dans Z_FAMILLE. L'ajouter sous [salesmanagement.product_families] dans passerelle.toml.",
      "No SM family is configured for this Sage family: kept in Z_FAMILLE. Add it under [salesmanagement.product_families] in passerelle.toml."
    ),
    .contactNoCompany: MessageTemplate(
      "Le contact ne nomme aucune société (Code client) alors que SM en exige une : la renseigner dans Sage 50, puis exporter de nouveau.",
      "The contact names no company (Code client), which SM requires: fill it in Sage 50, then export again."
    ),
    .contactNoName: MessageTemplate(
      "Le contact n'a pas de nom : le saisir, puis exporter de nouveau.",
      "The contact has no name: enter one, then export again."
    ),
    .contactCodeTooLong: MessageTemplate(
      "Le code du contact a {count} caractères ; SM en permet {limit}.",
      "The contact code has {count} characters; SM allows {limit}."
    ),
    .companyNoName: MessageTemplate(
      "Ni Société ni Nom n'est renseigné : compléter la fiche dans Sage 50, puis exporter de nouveau la liste.",
      "Neither Société nor Nom is filled in: complete the record in Sage 50, then export the list again."
    ),
    .countryUnknown: MessageTemplate(
      "Aucun pays ISO ne correspond à ce nom : le pays n'est pas envoyé. Choisir le pays dans la liste de Sage 50.",
      "No ISO country matches this name: the country is left out. Pick the country from Sage 50's list."
    ),
    .customerTypeUnmapped: MessageTemplate(
      "Aucun type SM n'est associé à ce type de client : gardé dans Z_TYPE_CLIENT. L'ajouter sous [salesmanagement.account_types] dans passerelle.toml.",
      "No SM type is configured for this customer type: kept in Z_TYPE_CLIENT. Add it under [salesmanagement.account_types] in passerelle.toml."
    ),
    .lineTypeUnknown: MessageTemplate(
      "Le type de ligne doit être E (pièce) ou L (ligne de pièce) : ligne écartée. Exporter de nouveau les pièces depuis Sage 50.",
      "Type de Ligne must be E (document) or L (document line): row left out. Export the documents again from Sage 50."
    ),
    .representativeNoName: MessageTemplate(
      "Le représentant n'a pas de nom : le saisir dans Sage 50, puis exporter de nouveau.",
      "The representative has no name: enter it in Sage 50, then export again."
    ),
    .documentNoNumber: MessageTemplate(
      "La pièce n'a pas de N° pièce.", "The document has no N° pièce."
    ),
    .documentNoCustomer: MessageTemplate(
      "La pièce ne nomme aucun client : le renseigner dans la pièce de Sage 50, puis exporter de nouveau.",
      "The document names no customer: fill it in the document in Sage 50, then export again."
    ),
    .documentNoDate: MessageTemplate(
      "La pièce n'a pas de date.", "The document has no date."
    ),
    .documentTooManyLines: MessageTemplate(
      "La pièce a plus de {limit} lignes.", "The document has more than {limit} lines."
    ),
    .foreignLine: MessageTemplate(
      "Cette ligne L nomme la pièce {number} mais suit la ligne E de la pièce {document} : la pièce est écartée. Exporter de nouveau les pièces sans retoucher le fichier.",
      "This L line names document {number} but follows {document}'s E line: the document is left out. Export the documents again without editing the file."
    ),
    .totalsMismatch: MessageTemplate(
      "Les lignes totalisent {lines} TTC ; la pièce indique {declared}. Vérifier la pièce dans Sage 50.",
      "The lines add up to {lines} with tax; the document says {declared}. Check the document in Sage 50."
    ),
    .lineBeforeDocument: MessageTemplate(
      "Une ligne L précède toute ligne E : elle n'appartient à aucune pièce. Exporter de nouveau les pièces sans retoucher le fichier.",
      "An L line before any E line: it belongs to no document. Export the documents again without editing the file."
    ),
    .documentNotSynchronised: MessageTemplate(
      "Seuls les factures, avoirs et devis vont dans SM : pièce ignorée.",
      "Only invoices, credit notes and quotes go to SM: document skipped."
    ),
    .documentCustomerUnknown: MessageTemplate(
      "Aucun client n'a ce code dans le manifeste : exporter d'abord la liste des clients depuis Sage 50.",
      "No customer has this code in the manifest: export the customers from Sage 50 first."
    ),
    .quoteWithoutReference: MessageTemplate(
      "Le devis ne porte aucune référence SM dans Référence pièce : il ne vient pas de SM.",
      "The quote carries no SM reference in Référence pièce: it did not come from SM."
    ),
    .quoteNotYetKnown: MessageTemplate(
      "Aucun devis SM ne porte encore cette référence : le devis chiffré est gardé et envoyé dès qu'il sera connu.",
      "No SM quote has this reference yet: the priced quote is kept and sent once it is known."
    ),
    .textNotRepresentable: MessageTemplate(
      "Des caractères que Windows-1252 ne connaît pas (émoticônes, écritures asiatiques) ont été écrits « ? ».",
      "Characters Windows-1252 cannot hold (emoji, Asian scripts) were written as '?'."
    ),
  ]
}
