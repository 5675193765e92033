extension MessageCatalogue {
  /// The text of `passerelle status` and `passerelle rejects`.
  static let status: [MessageKey: MessageTemplate] = [
    .statusManifest: MessageTemplate("Manifeste : {path}", "Manifest: {path}"),
    .statusBatches: MessageTemplate(
      "Lots : {done} traités, {rejected} rejetés, {duplicate} en double",
      "Batches: {done} done, {rejected} rejected, {duplicate} duplicate"
    ),
    .statusLastBatch: MessageTemplate(
      "Dernier lot de watch/{folder} : {batch} {file} → {state}{finished}",
      "Last batch in watch/{folder}: {batch} {file} → {state}{finished}"
    ),
    .statusAt: MessageTemplate(" le {at}", " at {at}"),
    .stateDone: MessageTemplate("traité", "done"),
    .stateRejected: MessageTemplate("rejeté", "rejected"),
    .stateDuplicate: MessageTemplate("en double", "duplicate"),
    .statusLastLook: MessageTemplate(
      "Dernier passage dans watch/{folder} : {at}, {count} fichier(s) complet(s)",
      "Last look at watch/{folder}: {at}, {count} complete file(s)"
    ),
    .statusNoRecords: MessageTemplate("Fiches : aucune pour l'instant", "Records: none yet"),
    .statusRecords: MessageTemplate(
      "Fiches {resource} ({kind}) : {active} actives, {deleted} supprimées",
      "Records {resource} ({kind}): {active} active, {deleted} deleted"
    ),
    .statusQuotesWaiting: MessageTemplate(
      "Devis en attente des prix de Sage : {count}", "Quotes waiting for Sage's prices: {count}"
    ),
    .statusQuotesPriced: MessageTemplate(
      "Devis chiffrés par Sage et en lecture seule dans SM : {count}",
      "Quotes priced by Sage and read-only in SM: {count}"
    ),
    .statusPricedQuotesUnmatched: MessageTemplate(
      "Devis chiffrés par Sage en attente de leur devis SM : {count}",
      "Priced quotes from Sage waiting for their SM quote: {count}"
    ),
    .statusCodesGiven: MessageTemplate(
      "Fiches créées dans SM ({resource}) ayant reçu un code Sage : {count} (dernier {last}), {awaiting} pas encore dans un export de Sage",
      "Records created in SM ({resource}) given a Sage code: {count} (last {last}), {awaiting} not yet in a Sage export"
    ),
    .statusRecentRejections: MessageTemplate(
      "Fichiers rejetés récemment :", "Recently rejected files:"
    ),
    .statusDeliveryQueue: MessageTemplate(
      "Envoi à SM, {resource} : {waiting} opération(s) en attente, {held} retenue(s), {delivered} livrée(s), {refused} refusée(s)",
      "Delivery to SM, {resource}: {waiting} waiting, {held} held, {delivered} delivered, {refused} refused"
    ),
    .statusLastSuccess: MessageTemplate(
      "API SM : dernier appel réussi le {at}", "SM API: last successful call {at}"
    ),
    .statusNeverSucceeded: MessageTemplate(
      "API SM : aucun appel réussi pour l'instant", "SM API: no successful call yet"
    ),
    .statusLastError: MessageTemplate(
      "API SM : dernière erreur {error} le {at}{since}", "SM API: last error {error} at {at}{since}"
    ),
    .statusFailingSince: MessageTemplate(", en échec depuis le {since}", ", failing since {since}"),
    .statusPulledUpTo: MessageTemplate(
      "Lu dans SM, {resource} : changements jusqu'au {at}",
      "Pulled from SM, {resource}: changes up to {at}"
    ),
    .rejectsNone: MessageTemplate(
      "Aucun fichier ni aucune ligne rejetés.", "No rejected files or rows."
    ),
    .rejectsFile: MessageTemplate(
      "{batch} {file} : fichier rejeté — {code} : {reason}",
      "{batch} {file}: file rejected — {code}: {reason}"
    ),
    .rejectsRows: MessageTemplate(
      "{batch} {file} : {rejected} ligne(s) rejetée(s), {warnings} avertissement(s)",
      "{batch} {file}: {rejected} row(s) rejected, {warnings} warning(s)"
    ),
  ]
}
