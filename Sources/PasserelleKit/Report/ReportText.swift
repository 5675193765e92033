import PasserelleCore
import PasserelleManifest

/// Every text of the HTML report, French and English side by side, one property or
/// function per situation. Values from files never enter these texts: the page puts
/// them beside, escaped. Explanations and fixes of the reason codes are in
/// the message catalogue (`MessageCatalogue+Reasons.swift`).
package struct ReportText: Sendable {
  package let language: ReportLanguage

  /// The texts of `language` (`[report] language`).
  package init(_ language: ReportLanguage) {
    self.language = language
  }

  /// What a reason code means and how to fix it, in the report's language.
  package func help(for code: String) -> ReasonHelp {
    MessageCatalogue.help(for: code, in: language)
  }

  /// The text of the report's language.
  func pick(_ french: String, _ english: String) -> String {
    language == .french ? french : english
  }

  // MARK: The page

  var title: String { pick("Passerelle — rapport", "Passerelle — report") }
  func dossier(_ name: String) -> String { pick("Dossier \(name)", "Dossier \(name)") }
  func generated(at time: String) -> String {
    pick("Rapport établi le \(self.time(time)).", "Report made on \(self.time(time)).")
  }
  var contents: String { pick("Sommaire", "Contents") }
  var footer: String {
    pick(
      "Page autonome : ni réseau, ni script, ni fichier extérieur. Les liens ouvrent les fichiers du dossier out/. Elle est réécrite après chaque passage et par « passerelle report ».",
      "A self-contained page: no network, no script, no outside file. Links open files of the out/ folder. It is rewritten after every pass and by “passerelle report”."
    )
  }
  var nothingYet: String {
    pick(
      "Aucun fichier n'a encore été traité (pas de manifeste dans out/).",
      "No file has been processed yet (no manifest in out/).")
  }

  // MARK: Section titles

  var foldersTitle: String { pick("Dossiers de dépôt", "Drop folders") }
  var batchesTitle: String { pick("Derniers lots", "Latest batches") }
  var rejectedRowsTitle: String {
    pick("Lignes rejetées et avertissements, par motif", "Rejected rows and warnings, by reason")
  }
  var setAsideTitle: String { pick("Fichiers mis de côté", "Files set aside") }
  var chartTitle: String {
    pick("Lignes par jour, 30 derniers jours", "Rows per day, last 30 days")
  }
  var deliveryTitle: String {
    pick("Envoi à Sales Management (API)", "Delivery to Sales Management (API)")
  }

  // MARK: Drop folders

  func folderPurpose(_ folder: String) -> String {
    folder == "sage"
      ? pick("exports de Sage 50", "exports from Sage 50")
      : pick("fichiers de Sales Management", "files from Sales Management")
  }
  var lastLook: String { pick("Dernier passage", "Last look") }
  func completeAtLastLook(_ count: Int) -> String {
    pick("\(number(count)) fichier(s) complet(s) vu(s)", "\(number(count)) complete file(s) seen")
  }
  var waitingNow: String { pick("En attente maintenant", "Waiting now") }
  func files(_ count: Int) -> String {
    pick("\(number(count)) fichier(s)", "\(number(count)) file(s)")
  }
  var lastBatch: String { pick("Dernier lot", "Last batch") }
  var never: String { pick("jamais", "never") }
  var healthy: String { pick("OK", "OK") }
  var toCheck: String { pick("À vérifier", "To check") }
  var failing: String { pick("Fichier rejeté", "File rejected") }
  var idle: String { pick("Aucun lot", "No batch") }
  var health: String { pick("État", "Health") }

  // MARK: Batches

  var batch: String { pick("Lot", "Batch") }
  var file: String { pick("Fichier", "File") }
  var entity: String { pick("Contenu", "Content") }
  var outcome: String { pick("Résultat", "Outcome") }
  var finished: String { pick("Terminé", "Finished") }
  var read: String { pick("Lues", "Read") }
  var sent: String { pick("Envoyées", "Sent") }
  var unchanged: String { pick("Inchangées", "Unchanged") }
  var rejected: String { pick("Rejetées", "Rejected") }
  var warnings: String { pick("Avertissements", "Warnings") }
  var deleted: String { pick("Supprimées", "Deleted") }
  var rowReport: String { pick("Rapport", "Report") }
  var noBatches: String { pick("Aucun lot pour l'instant.", "No batch yet.") }
  func state(_ state: BatchState) -> String {
    switch state {
    case .done: pick("converti", "converted")
    case .rejected: pick("fichier rejeté", "file rejected")
    case .duplicate: pick("déjà traité", "already processed")
    }
  }
  func rowsRejected(_ count: Int) -> String {
    pick("\(number(count)) ligne(s) rejetée(s)", "\(number(count)) row(s) rejected")
  }
  func warningCount(_ count: Int) -> String {
    pick("\(number(count)) avertissement(s)", "\(number(count)) warning(s)")
  }
  var elsewhere: String { pick("hors de out/", "outside out/") }

  // MARK: Rejected rows

  var noRejectedRows: String {
    pick(
      "Aucune ligne rejetée ni avertissement dans les derniers rapports.",
      "No rejected row or warning in the latest reports.")
  }
  func rowsIntro(reports: Int) -> String {
    pick(
      "D'après les \(number(reports)) dernier(s) rapport(s) ligne par ligne (out/rejects/).",
      "From the latest \(number(reports)) row report(s) (out/rejects/).")
  }
  func groupCount(rows: Int, errors: Int, warnings: Int) -> String {
    pick(
      "\(number(rows)) ligne(s) : \(number(errors)) erreur(s), \(number(warnings)) avertissement(s)",
      "\(number(rows)) row(s): \(number(errors)) error(s), \(number(warnings)) warning(s)")
  }
  var why: String { pick("Pourquoi", "Why") }
  var whatToDo: String { pick("À faire", "What to do") }
  var line: String { pick("Ligne", "Line") }
  var key: String { pick("Code", "Key") }
  var field: String { pick("Champ", "Field") }
  var value: String { pick("Valeur", "Value") }
  var severity: String { pick("Gravité", "Severity") }
  func severityName(_ raw: String) -> String {
    raw == "error" ? pick("erreur", "error") : pick("avertissement", "warning")
  }
  func andMore(_ count: Int) -> String {
    pick("… et \(number(count)) autre(s) ligne(s).", "… and \(number(count)) more row(s).")
  }
  var reports: String { pick("Rapports ligne par ligne", "Row reports") }
  func rowsInReport(_ count: Int) -> String {
    pick("\(number(count)) ligne(s)", "\(number(count)) row(s)")
  }
  var unreadableReport: String {
    pick("rapport introuvable ou illisible", "report missing or unreadable")
  }

  // MARK: Files set aside

  var noSetAside: String {
    pick("Aucun fichier mis de côté.", "No file set aside.")
  }
  var reason: String { pick("Motif", "Reason") }
  var message: String { pick("Message", "Message") }
  var keptFile: String { pick("Fichier conservé", "File kept") }
  var linkRemoved: String {
    pick("lien supprimé, motif seul", "link deleted, reason only")
  }

  // MARK: The chart

  var noRows: String {
    pick("Aucune ligne traitée ces 30 derniers jours.", "No row processed in the last 30 days.")
  }
  func totals(sent: Int, unchanged: Int, rejected: Int) -> String {
    pick(
      "Sur 30 jours : \(number(sent)) envoyée(s), \(number(unchanged)) inchangée(s), \(number(rejected)) rejetée(s).",
      "Over 30 days: \(number(sent)) sent, \(number(unchanged)) unchanged, \(number(rejected)) rejected."
    )
  }
  var chartNote: String {
    pick(
      "Jours en temps universel (UTC), selon la fin de chaque lot.",
      "Days in universal time (UTC), by the end of each batch.")
  }
  func tip(day: String, _ label: String, _ count: Int) -> String {
    pick(
      "\(dayLabel(day)) — \(label) : \(number(count))",
      "\(dayLabel(day)) — \(label): \(number(count))")
  }
  func dayLabel(_ day: String) -> String {
    let parts = day.split(separator: "-")
    guard parts.count == 3 else { return day }
    return pick("\(parts[2])/\(parts[1])", "\(parts[1])-\(parts[2])")
  }

  // MARK: Delivery

  var connectorUnused: String {
    pick(
      "Le connecteur n'a pas encore servi : sans [salesmanagement.api] dans passerelle.toml, les fichiers pour Sales Management restent dans out/salesmanagement/.",
      "The connector has not been used yet: without [salesmanagement.api] in passerelle.toml, files for Sales Management stay in out/salesmanagement/."
    )
  }
  var resource: String { pick("Ressource", "Resource") }
  var waiting: String { pick("En attente", "Waiting") }
  var held: String { pick("Bloqués", "Held") }
  var delivered: String { pick("Livrés", "Delivered") }
  var refused: String { pick("Refusés", "Refused") }
  var lastSuccess: String { pick("Dernier appel réussi", "Last successful call") }
  var lastError: String { pick("Dernière erreur", "Last error") }
  var failingSince: String { pick("En échec depuis", "Failing since") }
  var watermarks: String {
    pick("Changements récupérés de SM jusqu'à", "Changes pulled from SM up to")
  }
  var heldNote: String {
    pick(
      "Bloqués : en attente d'un enregistrement qu'ils citent et que SM n'a pas encore. Refusés : voir les rapports ligne par ligne (refused-by-salesmanagement).",
      "Held: waiting for a record they name that SM does not have yet. Refused: see the row reports (refused-by-salesmanagement)."
    )
  }

  // MARK: Numbers and times

  /// A count as people read it: `1 234` in French (narrow no-break space), `1,234` in English.
  package func number(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var grouped = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { grouped += pick("\u{202F}", ",") }
      grouped.append(digit)
    }
    return (value < 0 ? "-" : "") + grouped
  }

  /// A time from the manifest (`2026-12-04T10:15:02Z`) as people read it, in UTC.
  package func time(_ iso: String?) -> String {
    guard let iso else { return never }
    guard iso.count >= 19, iso.dropFirst(10).first == "T" else { return iso }
    let day = iso.prefix(10)
    let clock = iso.dropFirst(11).prefix(8)
    let parts = day.split(separator: "-")
    guard parts.count == 3 else { return iso }
    return pick("\(parts[2])/\(parts[1])/\(parts[0]) \(clock) UTC", "\(day) \(clock) UTC")
  }
}
