import Crypto
import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// Recognises a row that Sage exports exactly as when it was last converted, while
/// the manifest still holds its records as then sent: mapping it again would give
/// the same records, so it is not mapped, and its records are staged as unchanged.
/// A re-export of a large, mostly unchanged file then costs reading and looking
/// up, not mapping.
///
/// The row's fingerprint (`RowFingerprinter`) covers its bytes and, through `context`,
/// everything else its mapping depends on: this build of Passerelle, the entity,
/// the header, the text encoding, the SM tables and the users known to SM. It is
/// kept only for rows whose mapping was clean (no issue, no reference to check,
/// no picture to look at), since those are the rows whose outcome the row alone
/// decides.
struct UnchangedRows: Sendable {
  let resource: String
  let kind: String
  /// Shared records are staged with their values unless the manifest has them.
  let needsFields: Bool
  let companionKind: String?
  /// The column the record's code is read from.
  let keyColumn: Int?
  /// SHA-256 of what the mapping depends on besides the row.
  let context: [UInt8]
  /// False for contacts, which may be re-keyed to the code SM knows them by: their
  /// rows are always mapped, and none is fingerprinted.
  let recognises: Bool
  /// The manifest to look rows up in; nil when there is nothing to find (the first
  /// export of its kind).
  let manifestPath: String?

  init(
    plan: EntityPlan, header: Header, encoding: TextEncoding, tables: SalesManagementTables,
    userIds: [String: Int], manifestPath: String?
  ) {
    resource = plan.entity.resource
    kind = plan.kind
    needsFields = plan.owner == "shared"
    companionKind = plan.companionKind
    keyColumn = header.column(plan.keyLabel)
    recognises = plan.entity != .contacts
    self.manifestPath = manifestPath
    var context = SHA256()
    func add(_ text: String) {
      context.update(data: Array(text.utf8))
      context.update(data: [0])
    }
    func add(_ name: String, _ table: [String: Int]) {
      add(name)
      for (key, value) in table.sorted(by: { $0.key < $1.key }) { add("\(key)=\(value)") }
    }
    add(ProgramIdentity.current)
    add(plan.entity.rawValue)
    add(plan.kind)
    add(encoding.rawValue)
    add("header")
    for label in header.labels { add(label) }
    add("countries", tables.countryIds)
    add("account types", tables.accountTypeIds)
    add("families", tables.productFamilyIds)
    add("users by e-mail", tables.userIdsByEmail)
    add("users", userIds)
    add("admin \(tables.adminUserId.map(String.init) ?? "")")
    add("branch \(tables.branchId.map(String.init) ?? "")")
    add("prospect type \(tables.prospectTypeId.map(String.init) ?? "")")
    self.context = Array(context.finalize())
  }

  /// Whether a freshly mapped row may be recognised next time: its outcome depends
  /// on the row alone, and its code is the key column's value as read.
  func mayRecognise(_ record: MappedRecord, row: SourceRow) -> Bool {
    guard recognises, let keyColumn, record.issues.isEmpty, record.references.isEmpty,
      record.picture == nil, record.alternateKey == nil,
      record.companions.allSatisfy({ $0.issues.isEmpty })
    else { return false }
    return record.key == row.text(keyColumn)
  }

  /// The state one mapping thread keeps: its own read connection to the manifest.
  func matcher() -> Matcher { Matcher(rules: self) }

  final class Matcher {
    let rules: UnchangedRows
    private let fingerprinter: RowFingerprinter
    private let snapshot: ManifestSnapshot?

    fileprivate init(rules: UnchangedRows) {
      self.rules = rules
      fingerprinter = RowFingerprinter(context: rules.context)
      snapshot = rules.recognises ? rules.manifestPath.flatMap { ManifestSnapshot(path: $0) } : nil
    }

    /// Rows can be found in the manifest: worth fingerprinting before mapping.
    var looksUp: Bool { snapshot != nil }

    func fingerprint(_ row: SourceRow) -> Fingerprint { fingerprinter.fingerprint(row) }

    /// The records of a row seen before with this fingerprint, as the manifest
    /// holds them, when all are still as last sent; nil when the row must be mapped.
    func lastSent(_ row: SourceRow, fingerprint: Fingerprint) -> LastSent? {
      guard let snapshot, let keyColumn = rules.keyColumn else { return nil }
      let code = row.text(keyColumn)
      guard !code.isEmpty, let record = snapshot.known(resource: rules.resource, code: code),
        record.rowFingerprint == fingerprint, record.fingerprint != nil,
        !record.deleted, !record.awaitingSage, record.kind == rules.kind,
        record.hasFields || !rules.needsFields
      else { return nil }
      var companions: [(code: String, record: KnownRecord)] = []
      // One code per line, split on bytes without a list of the lines: most rows
      // name one main contact or none.
      var rest = Substring(record.companions ?? "").utf8
      while !rest.isEmpty {
        let line = rest.prefix { $0 != UInt8(ascii: "\n") }
        rest = rest.dropFirst(line.count + 1)
        if line.isEmpty { continue }
        let companion = String(Substring(line))
        guard let known = snapshot.known(resource: "contacts", code: companion),
          // A contact the contacts export speaks for is left alone by the row.
          known.isOwnedByContactsExport
            || (!known.deleted && known.kind == rules.companionKind && known.fingerprint != nil
              && known.hasFields)
        else { return nil }
        companions.append((companion, known))
      }
      return LastSent(code: code, record: record, companions: companions)
    }
  }

  /// A recognised row's records as the manifest holds them: each is unchanged.
  /// Shared, not copied, by the row on its way to the manifest's thread.
  final class LastSent: Sendable {
    let code: String
    let record: KnownRecord
    let companions: [(code: String, record: KnownRecord)]

    init(code: String, record: KnownRecord, companions: [(code: String, record: KnownRecord)]) {
      self.code = code
      self.record = record
      self.companions = companions
    }
  }
}
