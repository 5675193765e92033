extension MessageCatalogue {
  /// The batch log lines and the service's own lines.
  static let service: [MessageKey: MessageTemplate] = [
    .batchDone: MessageTemplate(
      "{file} : {entity} — {read} lignes lues, {sent} envoyées, {unchanged} inchangées, {deleted} supprimées, {rejected} rejetées, {warnings} avertissements ({seconds} s)",
      "{file}: {entity} — {read} rows, {sent} sent, {unchanged} unchanged, {deleted} deleted, {rejected} rejected, {warnings} warnings ({seconds} s)"
    ),
    .batchDuplicate: MessageTemplate(
      "{file} : déjà traité, archivé sans rien produire ({reason})",
      "{file}: already processed, archived without output ({reason})"
    ),
    .batchRejected: MessageTemplate(
      "{file} : rejeté — {code} : {reason}", "{file}: rejected — {code}: {reason}"
    ),
    .batchResumedFinished: MessageTemplate(
      "{file} : lot {batch} interrompu, terminé", "{file}: finished the interrupted batch {batch}"
    ),
    .batchResumedConverting: MessageTemplate(
      "{file} : lot {batch} interrompu, converti de nouveau",
      "{file}: converting again the interrupted batch {batch}"
    ),
    .claimedCopyIncomplete: MessageTemplate(
      "{file} : la copie du lot interrompu {batch} ne peut pas être reprise (incomplète après"
        + " un arrêt du système, ou pas encore vérifiée) ; elle est abandonnée. L'original est"
        + " resté en place : relancez passerelle convert sur ce fichier",
      "{file}: the copy of the interrupted batch {batch} cannot be taken up again (incomplete"
        + " after the system stopped, or not checked yet); it is dropped. The original was left"
        + " in place: run passerelle convert on it again"
    ),
    .fileChangedSinceComplete: MessageTemplate(
      "{file} : modifié depuis qu'il a été trouvé complet ; regardé de nouveau",
      "{file}: changed since it was found complete; looked at again"
    ),
    .fileGoneBeforeClaim: MessageTemplate(
      "{file} : disparu avant d'être pris en charge ({error})",
      "{file}: gone before it could be claimed ({error})"
    ),
    .dossierCannotStart: MessageTemplate(
      "Impossible de continuer : {error} ; nouvel essai dans {seconds} s",
      "Cannot proceed: {error}; trying again in {seconds} s"
    ),
    .dossierSetAside: MessageTemplate(
      "Impossible de continuer : {error} ; dossier mis de côté, nouvel essai dans {seconds} s",
      "Cannot proceed: {error}; set aside, trying again in {seconds} s"
    ),
    .serviceWatching: MessageTemplate(
      "Surveillance de {sage} toutes les {sageSeconds} s et de {salesManagement} toutes les {salesManagementSeconds} s ; arrêt par Ctrl-C ou SIGTERM.",
      "Watching {sage} every {sageSeconds} s and {salesManagement} every {salesManagementSeconds} s; stop with Ctrl-C or SIGTERM."
    ),
    .progress: MessageTemplate(
      "{file} : {percent} % de {size} Mo", "{file}: {percent} % of {size} MB"),
    .smURLRefused: MessageTemplate(
      "adresse de SM refusée : {reason}", "SM base URL refused: {reason}"
    ),
    .smLoginRefused: MessageTemplate(
      "SM refuse la connexion : {reason}. Vérifier les clés de l'API dans le fichier d'identifiants.",
      "SM login refused: {reason}. Check the API keys in the credentials file."
    ),
    .smUnreachable: MessageTemplate("SM injoignable : {reason}", "SM unreachable: {reason}"),
    .smRefused: MessageTemplate(
      "SM refuse la fiche (HTTP {status}, champ {field}) : {reason}",
      "SM refused the record (HTTP {status}, field {field}): {reason}"
    ),
    .smAnswerLost: MessageTemplate(
      "la réponse de SM s'est perdue : {reason}", "SM's answer was lost: {reason}"
    ),
    .smUnexpectedAnswer: MessageTemplate(
      "réponse inattendue de SM : {reason}", "unexpected answer from SM: {reason}"
    ),
    .smCancelled: MessageTemplate("appel à SM annulé", "call to SM cancelled"),
    .serviceStopped: MessageTemplate("Arrêté.", "Stopped."),
    .pollNotNoted: MessageTemplate(
      "Impossible de noter le passage dans watch/{folder} : {error}",
      "Could not note the look at watch/{folder}: {error}"
    ),
    .reportNotRewritten: MessageTemplate(
      "Impossible de réécrire {path} : {error}", "Could not rewrite {path}: {error}"
    ),
    .pullFailed: MessageTemplate(
      "Lecture de Sales Management impossible : {error}",
      "Pull from Sales Management failed: {error}"
    ),
    .pushFailed: MessageTemplate(
      "Envoi à Sales Management impossible : {error} ; ce qui attend reste dans la file.",
      "Push to Sales Management failed: {error}; what waits stays in the queue."
    ),
    .closeFailed: MessageTemplate(
      "Fermeture de la connexion à Sales Management : {error}",
      "Closing the connection to Sales Management: {error}"
    ),
    .foundAfterLostAnswer: MessageTemplate(
      "{count} fiche(s) ({resource}) retrouvée(s) dans Sales Management après une réponse perdue",
      "{count} record(s) ({resource}) found in Sales Management after a lost answer"
    ),
    .deliveryNothing: MessageTemplate(
      "Rien n'attendait d'être envoyé à Sales Management.", "Nothing waited for Sales Management."
    ),
    .deliveryResource: MessageTemplate(
      "{resource} : {delivered} livrée(s), {refused} refusée(s), {held} retenue(s)",
      "{resource}: {delivered} delivered, {refused} refused, {held} held"
    ),
    .deliveryDone: MessageTemplate(
      "Envoyé à Sales Management — {resources}", "Delivered to Sales Management — {resources}"
    ),
    .pullNothing: MessageTemplate(
      "Rien de nouveau dans Sales Management.", "Nothing new in Sales Management."
    ),
    .listSeparator: MessageTemplate(" ; ", "; "),
    .pullCount: MessageTemplate("{count} {resource}", "{count} {resource}"),
    .pullDone: MessageTemplate(
      "Lu dans Sales Management : {records}", "Pulled from Sales Management: {records}"
    ),
    .cannotProceed: MessageTemplate(
      "passerelle : impossible de continuer : {error}", "passerelle: cannot proceed: {error}"
    ),
    .summaryNothing: MessageTemplate("Rien à faire.", "Nothing to do."),
    .summary: MessageTemplate(
      "{files} fichier(s) : {converted} converti(s), {duplicates} déjà traité(s), {rejected} rejeté(s) ; {rows} ligne(s) rejetée(s).",
      "{files} file(s): {converted} converted, {duplicates} already processed, {rejected} rejected; {rows} row(s) rejected."
    ),
    .dossierHeading: MessageTemplate(
      "== Dossier {name} ({folder})", "== Dossier {name} ({folder})"),
    .noManifestYet: MessageTemplate(
      "Pas encore de manifeste dans {out} : rien n'a été traité.",
      "No manifest yet in {out}: nothing has been processed."
    ),
    .initDossierReady: MessageTemplate(
      "Dossiers prêts sous {path}.", "Folders ready under {path}."),
    .initSettingsKept: MessageTemplate(
      "{path} existe déjà ; laissé tel quel.", "{path} exists; left as it is."
    ),
    .fileWritten: MessageTemplate("{path} écrit.", "Wrote {path}."),
    .initFoldersReady: MessageTemplate(
      "Dossiers prêts sous {path} : watch/sage, watch/salesmanagement, out/.",
      "Folders ready under {path}: watch/sage, watch/salesmanagement, out/."
    ),
    .deletionsAllowed: MessageTemplate(
      "Confirmé : l'export {sha256} peut supprimer des fiches. Le déposer de nouveau dans watch/sage/.",
      "Confirmed: the export {sha256} may delete records. Drop it again in watch/sage/."
    ),
  ]
}
