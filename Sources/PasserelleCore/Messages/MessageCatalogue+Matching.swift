extension MessageCatalogue {
  /// A first connection to an SM in use: matching, the preview, the reconciliation
  /// file and `passerelle reconcile`.
  static let matching: [MessageKey: MessageTemplate] = [
    .matchSeveral: MessageTemplate(
      "{count} fiches de SM saisies à la main pourraient être celle-ci : choisir dans out/rapprochement.csv, puis lancer passerelle reconcile",
      "{count} SM records typed by hand could be this one: choose in out/rapprochement.csv, then run passerelle reconcile"
    ),
    .matchWeak: MessageTemplate(
      "une fiche de SM saisie à la main lui ressemble sans certitude : décider dans out/rapprochement.csv, puis lancer passerelle reconcile",
      "an SM record typed by hand looks like it, without certainty: decide in out/rapprochement.csv, then run passerelle reconcile"
    ),
    .choiceMissing: MessageTemplate(
      "la fiche SM {id} choisie au rapprochement n'existe pas ou est supprimée : choisir de nouveau dans out/rapprochement.csv",
      "SM record {id}, chosen at reconciliation, does not exist or is deleted: choose again in out/rapprochement.csv"
    ),
    .choiceLinked: MessageTemplate(
      "la fiche SM {id} choisie au rapprochement est déjà liée au code {code} : choisir de nouveau dans out/rapprochement.csv",
      "SM record {id}, chosen at reconciliation, is already linked to code {code}: choose again in out/rapprochement.csv"
    ),
    .evidenceSiren: MessageTemplate("même SIREN", "same SIREN"),
    .evidenceVatNumber: MessageTemplate("même n° de TVA", "same VAT number"),
    .evidenceEmail: MessageTemplate("même e-mail", "same e-mail"),
    .evidencePhone: MessageTemplate("même téléphone", "same phone"),
    .evidenceDomain: MessageTemplate("même site web", "same website"),
    .evidenceSameName: MessageTemplate("même nom", "same name"),
    .evidenceCloseName: MessageTemplate("nom proche", "close name"),
    .evidencePostcode: MessageTemplate("même code postal", "same postcode"),
    .evidenceCity: MessageTemplate("même ville", "same city"),
    .evidencePersonName: MessageTemplate("mêmes prénom et nom", "same first and last name"),
    .evidenceLastName: MessageTemplate("même nom de famille", "same last name"),
    .evidenceBarcode: MessageTemplate("même code-barres", "same barcode"),
    .evidenceSameModel: MessageTemplate("même désignation", "same name"),
    .evidenceCloseModel: MessageTemplate("désignation proche", "close name"),
    .evidenceOtherPlace: MessageTemplate("autre lieu", "another place"),
    .evidenceOtherIdentifier: MessageTemplate("autre identifiant", "another identifier"),
    .evidenceOtherPerson: MessageTemplate("autre personne", "another person"),
    .evidenceChosenByIT: MessageTemplate("choisie au rapprochement", "chosen at reconciliation"),
    .candidateCell: MessageTemplate(
      "{id} : {label} ({evidence} ; score {score})", "{id}: {label} ({evidence}; score {score})"
    ),
    .previewColumns: MessageTemplate(
      "ressource;action;code Sage;fiche;id SM;détail",
      "resource;action;Sage code;record;SM id;detail"
    ),
    .reconciliationColumns: MessageTemplate(
      "ressource;code Sage;fiche Sage;candidats;raison;décision",
      "resource;Sage code;Sage record;candidates;reason;decision"
    ),
    .actionCreate: MessageTemplate("créer", "create"),
    .actionUpdate: MessageTemplate("mettre à jour", "update"),
    .actionAdopt: MessageTemplate("reprendre", "adopt"),
    .actionDelete: MessageTemplate("supprimer", "delete"),
    .actionHold: MessageTemplate("en attente", "held"),
    .previewAdoptDetail: MessageTemplate(
      "fiche saisie dans SM reprise : {evidence}", "SM record typed by hand adopted: {evidence}"),
    .previewNothing: MessageTemplate(
      "Aperçu : rien n'attend d'être envoyé à SM.", "Preview: nothing waits to be sent to SM."),
    .previewResource: MessageTemplate(
      "{resource} : {create} à créer, {update} à mettre à jour, {adopt} à reprendre, {delete} à supprimer, {hold} en attente",
      "{resource}: {create} to create, {update} to update, {adopt} to adopt, {delete} to delete, {hold} held"
    ),
    .previewDone: MessageTemplate(
      "Aperçu, rien n'a été écrit dans SM — {resources}.",
      "Preview, nothing was written to SM — {resources}."
    ),
    .previewFile: MessageTemplate("Détail : {path}", "Detail: {path}"),
    .reconciliationWaiting: MessageTemplate(
      "{count} fiche(s) attendent une décision de l'informatique : {path}",
      "{count} record(s) wait for IT's decision: {path}"
    ),
    .reconcileDone: MessageTemplate(
      "{applied} décision(s) enregistrée(s), appliquée(s) au prochain envoi ; {blank} ligne(s) sans décision.",
      "{applied} decision(s) recorded, applied at the next delivery; {blank} line(s) without a decision."
    ),
    .heldForReference: MessageTemplate(
      "{resource} {code} n'est pas encore dans SM : envoyé dès qu'il y sera",
      "{resource} {code} is not in SM yet: sent as soon as it is"
    ),
    .heldBehindEarlierChange: MessageTemplate(
      "une modification précédente de la même fiche attend : envoyé après elle",
      "an earlier change of the same record waits: sent after it"
    ),
    .reconcileNotATable: MessageTemplate(
      "{path} n'est pas un fichier de rapprochement : colonnes séparées par « ; » attendues (ressource;code Sage;fiche Sage;candidats;raison;décision), enregistrer depuis Excel en « CSV (séparateur : point-virgule) »",
      "{path} is not a reconciliation file: columns separated by ';' expected (resource;Sage code;Sage record;candidates;reason;decision); save it from Excel as 'CSV (semicolon delimited)'"
    ),
    .reconcileSameRecordTwice: MessageTemplate(
      "la fiche SM {id} est déjà choisie ligne {other} : une fiche de SM ne reçoit qu'un code Sage",
      "SM record {id} is chosen on line {other} already: an SM record takes one Sage code only"
    ),
    .matchingScoresInverted: MessageTemplate(
      "[salesmanagement.matching] : candidate_score ({candidate}) doit être inférieur à adopt_score ({adopt})",
      "[salesmanagement.matching]: candidate_score ({candidate}) must be below adopt_score ({adopt})"
    ),
    .reconcileLineRefused: MessageTemplate("ligne {line} : {reason}", "line {line}: {reason}"),
    .reconcileUnknownChoice: MessageTemplate(
      "« {text} » n'est pas une décision : écrire adopter <id SM>, créer ou ignorer",
      "'{text}' is not a decision: write adopt <SM id>, create or ignore"
    ),
    .reconcileNotHeld: MessageTemplate(
      "{resource} {code} n'attend pas de décision (déjà réglé, ou pas dans ce dossier)",
      "{resource} {code} waits for no decision (settled already, or not in this root)"
    ),
    .reconcileRefused: MessageTemplate(
      "{count} ligne(s) refusée(s) : les corriger, puis relancer passerelle reconcile.",
      "{count} line(s) refused: correct them, then run passerelle reconcile again."
    ),
    .statusHeldForIT: MessageTemplate(
      "Rapprochement : {count} fiche(s) {resource} attendent une décision (out/rapprochement.csv)",
      "Reconciliation: {count} {resource} record(s) wait for a decision (out/rapprochement.csv)"
    ),
    .reportPreviewTitle: MessageTemplate("Aperçu de la livraison", "Delivery preview"),
    .reportPreviewAt: MessageTemplate(
      "Aperçu du {at}, rien n'a été écrit dans SM. Détail : {path}",
      "Preview of {at}, nothing was written to SM. Detail: {path}"
    ),
    .reportPreviewResource: MessageTemplate("Ressource", "Resource"),
  ]
}
