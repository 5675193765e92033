import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// Writes the prospects or contacts of one SM file into a Sage import file, one
/// record at a time (`docs/sync-rules.md`): a record new to Sage gets a code from the
/// configured prefix and counter, sent back to SM as its `extId`; an edit goes to
/// Sage for the fields SM changed; a field changed on both sides is a conflict
/// that Sage wins; a customer belongs to Sage; a deletion stays in SM.
final class SharedRecordImport {
  let resource: SalesManagementRecord.Resource
  let outputs: ConversionOutputs
  let settings: Settings
  let report: ReportFile
  let references: ReferenceLookup
  let book: SharedRecordBook
  private let importFile: SageImportFile
  private let fields: [SharedField]
  private let replies: SharedRecordReplies
  private(set) var counts = BatchCounts()
  /// Keys given to more than one record of the file.
  let repeated: Set<String>

  /// The manifest's kind for a record created in SM, and what a report calls it.
  private var kind: String { resource == .accounts ? "prospect" : "contact" }
  private var codeLabel: String { resource == .accounts ? "Code prospect" : "Code contact" }

  init(
    db: ManifestTransaction, resource: SalesManagementRecord.Resource,
    conversion: SalesManagementConversion,
    repeated: Set<String>
  ) throws {
    self.resource = resource
    self.repeated = repeated
    outputs = conversion.outputs
    settings = conversion.settings
    report = ReportFile(outputs: outputs)
    references = try ReferenceLookup(db: db)
    book = SharedRecordBook(db: db, resource: resource.rawValue)
    replies = SharedRecordReplies(
      resource: resource, outputs: outputs, settings: settings, references: references)
    fields = resource == .accounts ? SharedFields.prospect : SharedFields.contact
    importFile = SageImportFile(
      folder: conversion.sageFolder, batch: outputs.batch,
      suffix: resource == .accounts ? "prospects" : "contacts",
      labels: resource == .accounts ? SharedFields.prospectLabels : SharedFields.contactLabels)
  }

  /// What a report calls a record of the manifest's `kind`.
  private static func noun(ofKind kind: String) -> MessageKey {
    switch kind {
    case "customer": .nounCustomer
    case "prospect": .nounProspect
    default: .nounContact
    }
  }

  private func issue(
    _ record: SalesManagementRecord, _ severity: Severity, _ code: ReasonCode, _ field: String,
    _ message: Message, _ value: String
  ) -> RowIssue {
    RowIssue(
      line: record.line, key: record.key, field: field, severity: severity, code: code,
      message: message, value: value)
  }

  private func reject(_ issues: [RowIssue]) throws {
    for issue in issues { try report.note(issue) }
    counts.rejected += 1
  }

  func take(_ object: JSONRecordReader.Record) throws {
    counts.read += 1
    var record = SalesManagementRecord(object.object, resource: resource, line: object.line)
    var issues = record.issues
    if repeated.contains(record.key) {
      issues.append(
        issue(
          record, .error, .duplicateKey, record.extId.isEmpty ? "id" : "extId",
          Message(.recordRepeated),
          record.key))
    }
    if issues.contains(where: { $0.severity == .error }) { return try reject(issues) }
    if record.deleted {
      try report.note(
        issue(
          record, .warning, .deletionNotPropagated, "deleted",
          Message(.deletedInSalesManagement), record.key))
      counts.unchanged += 1
      return
    }
    let known: SharedRecordBook.Known?
    if !record.extId.isEmpty {
      known = try book.find(code: record.extId)
      if known == nil {
        issues.append(
          issue(
            record, .error, .unknownReference, "extId",
            Message(.extIdNotFromSage, ["kind": .message(Message(Self.noun(ofKind: kind)))]),
            record.extId))
      }
    } else {
      known = try book.find(smId: record.id!)
    }
    if let known, known.owner == "sage" {
      issues.append(
        issue(
          record, .error, .readOnlyRecord, "extId",
          Message(.ownedBySage, ["kind": .message(Message(Self.noun(ofKind: known.kind)))]),
          known.code))
    } else if let known, known.deleted {
      issues.append(
        issue(
          record, .error, .conflict, "extId",
          Message(.deletedInSage), known.code))
    }
    try resolveReferences(&record, isNew: known == nil, issues: &issues)
    if known == nil { requireFields(record, issues: &issues) }
    if issues.contains(where: { $0.severity == .error }) { return try reject(issues) }
    if let known {
      try edit(record, known: known, issues: issues)
    } else {
      try create(record, issues: issues)
    }
  }

  /// Turns SM's ids into Sage codes: a prospect's rep and country, a contact's company.
  private func resolveReferences(
    _ record: inout SalesManagementRecord, isNew: Bool, issues: inout [RowIssue]
  ) throws {
    switch resource {
    case .accounts:
      try resolveSalesRep(&record, issues: &issues)
      resolveCountry(&record, issues: &issues)
    case .contacts:
      try resolveCompany(&record, isNew: isNew, issues: &issues)
    }
  }

  /// A prospect's representative: one Sage does not know is a warning only, as the
  /// prospect keeps the one Sage has.
  private func resolveSalesRep(_ record: inout SalesManagementRecord, issues: inout [RowIssue])
    throws
  {
    switch record.salesRep {
    case .none: break
    case .extId(let code):
      if case .known = try references.find(resource: "users", code: code) {
        record.values["salesRep"] = code
      } else {
        issues.append(
          issue(
            record, .warning, .unmappedValue, "salesRepId1",
            Message(.prospectRepresentativeCodeUnknown), code))
      }
    case .id(let id) where id == settings.tables.adminUserId:
      // SM shows the admin where Sage has no rep it could map: not a rep change.
      break
    case .id(let id):
      if let code = try references.code(resource: "users", smId: id) {
        record.values["salesRep"] = code
      } else {
        issues.append(
          issue(
            record, .warning, .unmappedValue, "salesRepId1",
            Message(.prospectRepresentativeUserUnknown),
            String(id)))
      }
    }
  }

  /// A prospect's country, through the configured country ids; an unknown one is
  /// left as Sage holds it.
  private func resolveCountry(_ record: inout SalesManagementRecord, issues: inout [RowIssue]) {
    guard let countryId = record.countryId else { return }
    if let iso = settings.tables.countryIds.first(where: { $0.value == countryId })?.key,
      let name = Countries.frenchName(iso)
    {
      record.values["country"] = name
    } else {
      issues.append(
        issue(
          record, .warning, .unmappedValue, "countryId",
          Message(.countryIdUnmapped),
          String(countryId)))
    }
  }

  /// A contact's company: Sage files every new contact under one it knows.
  private func resolveCompany(
    _ record: inout SalesManagementRecord, isNew: Bool, issues: inout [RowIssue]
  ) throws {
    switch record.company {
    case .none:
      if isNew {
        issues.append(
          issue(
            record, .error, .missingRequired, "accountId",
            Message(.contactWithoutCompany), ""))
      }
    case .extId(let code):
      if case .known = try references.find(resource: "accounts", code: code) {
        record.values["company"] = code
      } else {
        issues.append(
          issue(
            record, .error, .unknownReference, "accountExtId",
            Message(.unknownCodeInManifest, ["record": .message(Message(.theCustomerOrProspect))]),
            code))
      }
    case .id(let id):
      if let code = try references.code(resource: "accounts", smId: id) {
        record.values["company"] = code
      } else if isNew {
        issues.append(
          issue(
            record, .error, .unknownReference, "accountId",
            Message(
              .unknownSalesManagementId, ["record": .message(Message(.theCustomerOrProspect))]),
            String(id)))
      } else {
        // SM ids of companies are learnt from SM's own files: a known contact
        // still goes, under the company Sage has it in.
        issues.append(
          issue(
            record, .warning, .unknownReference, "accountId",
            Message(.contactCompanyUnknownKept),
            String(id)))
      }
    }
  }

  /// What Sage cannot create a record without.
  private func requireFields(_ record: SalesManagementRecord, issues: inout [RowIssue]) {
    let value = { (key: String) in record.values[key] ?? "" }
    switch resource {
    case .accounts where value("name").isEmpty:
      issues.append(
        issue(record, .error, .missingRequired, "name", Message(.prospectNoName), ""))
    case .contacts where value("lastName").isEmpty && value("firstName").isEmpty:
      issues.append(
        issue(record, .error, .missingRequired, "lastName", Message(.contactNoName), ""))
    default: break
    }
  }

  /// A record new to Sage: a code of its own, the whole record in the import, and
  /// the code sent back to SM.
  private func create(_ record: SalesManagementRecord, issues: [RowIssue]) throws {
    var issues = issues
    let prefix =
      resource == .accounts ? settings.prospectCodePrefix : settings.contactCodePrefix
    let derivedId = resource == .contacts ? derivedContactId(record) : nil
    let code = try book.allocate(
      prefix: prefix, smId: record.id, smExtId: nil, derivedId: derivedId, batch: outputs.batch,
      at: outputs.createdAt)
    guard code.count <= CustomerMapping.maximumCodeLength else {
      return try reject(
        issues + [
          issue(
            record, .error, .keyTooLong, codeLabel,
            Message(.codeCounterExhausted, ["prefix": .text(prefix)]),
            code)
        ])
    }
    // What Sage will hold: every field, as written.
    var sage = FieldSnapshot()
    for field in fields {
      let written = write(field, record.values[field.key] ?? "", of: record, issues: &issues)
      for (label, value) in field.labelValues(writing: written, over: nil) {
        sage.values[label] = value
      }
    }
    if resource == .contacts { sage.values["Code contact"] = code }
    var values = sage.values
    values[codeLabel] = code
    try writeRow(values)
    try book.insertCreated(
      code: code, kind: kind, smId: record.id, sage: sage, batch: outputs.batch)
    try replies.sendCode(code, to: record.id)
    for issue in issues { try report.note(issue) }
    counts.emitted += 1
  }

  /// The id a contacts export without a code column gives this contact once Sage
  /// has it (its company and name), so that it is recognised as this one.
  private func derivedContactId(_ record: SalesManagementRecord) -> String? {
    guard let company = record.values["company"] else { return nil }
    let person = PersonName(
      civility: "", firstName: record.values["firstName"] ?? "",
      lastName: record.values["lastName"] ?? "")
    return ContactIdentity.derived(company: company, person: person)
  }

  /// A record Sage has: the fields SM changed go to Sage, unless Sage changed
  /// them too.
  private func edit(
    _ record: SalesManagementRecord, known: SharedRecordBook.Known, issues: [RowIssue]
  ) throws {
    var issues = issues
    guard known.sage != nil else {
      // Kept by an earlier version without its values: comparing would take every
      // field SM sends for a change, and the others would be written empty.
      return try reject(
        issues + [
          issue(
            record, .error, .notSynchronised, "extId",
            Message(.sageValuesNotKnownYet),
            known.code)
        ])
    }
    var merge = SharedRecordMerge(
      fields: fields, incoming: comparable(record), sage: known.sage, synced: known.synced,
      previous: known.previous)
    if !merge.conflicts.isEmpty {
      try conflict(record, known: known, merge: merge, issues: issues)
      return
    }
    // SM came back without the code it was given (not taken yet): it is told again.
    let retellsCode = record.extId.isEmpty
    if retellsCode { try replies.sendCode(known.code, to: record.id) }
    guard !merge.changed.isEmpty else {
      for issue in issues { try report.note(issue) }
      if merge.synced != (known.synced ?? known.sage ?? FieldSnapshot()) || known.smId == nil {
        try book.update(
          code: known.code, smId: record.id, sage: merge.sage, synced: merge.synced)
      }
      if retellsCode { counts.emitted += 1 } else { counts.unchanged += 1 }
      return
    }
    let held = known.sage
    for field in merge.changed {
      let written = write(field, record.values[field.key]!, of: record, issues: &issues)
      merge.record(field, written: written, over: held)
    }
    var values = merge.sage.values
    switch resource {
    case .accounts:
      values["Code prospect"] = known.code
    case .contacts:
      // Sage's own code, else the contact's (a main contact has none: it gets one
      // of ours, kept for its next changes, while SM keeps its derived id).
      var sageCode = values["Code contact"] ?? ""
      if sageCode.isEmpty && !known.code.contains(".") { sageCode = known.code }
      if sageCode.isEmpty {
        sageCode =
          try book.allocated(forExtId: known.code)
          ?? book.allocate(
            prefix: settings.contactCodePrefix, smId: record.id, smExtId: known.code,
            derivedId: nil, batch: outputs.batch, at: outputs.createdAt)
      }
      values["Code contact"] = sageCode
    }
    try writeRow(values)
    try book.update(code: known.code, smId: record.id, sage: merge.sage, synced: merge.synced)
    for issue in issues { try report.note(issue) }
    counts.emitted += 1
  }

  /// Sage wins: the SM change is refused with the fields, and SM is given back
  /// Sage's values for them.
  private func conflict(
    _ record: SalesManagementRecord, known: SharedRecordBook.Known, merge: SharedRecordMerge,
    issues: [RowIssue]
  ) throws {
    let names = merge.conflicts.map(\.key).joined(separator: ", ")
    let smValues = merge.conflicts.map { record.values[$0.key] ?? "" }.joined(separator: " | ")
    try reject(
      issues + [
        issue(
          record, .error, .conflict, names,
          Message(.changedOnBothSides),
          smValues)
      ])
    try replies.sendSageValues(
      of: merge.conflicts, from: known.sage ?? FieldSnapshot(), code: known.code,
      to: record.id ?? known.smId)
  }

  /// SM's values as Sage would hold them once written (Windows-1252, cut to its
  /// lengths): a value we wrote and Sage sent back is not a change.
  private func comparable(_ record: SalesManagementRecord) -> [String: String] {
    var values: [String: String] = [:]
    for field in fields {
      guard let value = record.values[field.key] else { continue }
      values[field.key] = SageImportFile.prepare(value, length: field.length).written.value
    }
    return values
  }

  /// The value as Sage will hold it, with a warning when it had to change.
  private func write(
    _ field: SharedField, _ value: String, of record: SalesManagementRecord,
    issues: inout [RowIssue]
  ) -> String {
    let prepared = SageImportFile.prepare(value, length: field.length)
    if prepared.written.replaced {
      issues.append(
        SageImportFile.replacedIssue(
          line: record.line, key: record.key, field: field.key, value: value))
    }
    if prepared.written.truncated {
      issues.append(
        issue(
          record, .warning, .valueTruncated, field.key,
          Message(.valueCut, ["limit": .number(field.length!)]), value))
    }
    return prepared.written.value
  }

  private func writeRow(_ values: [String: String]) throws {
    // Values are already in the form Sage will hold (`write`), or Sage's own.
    try importFile.write(importFile.labels.map { SageImportFile.prepare(values[$0] ?? "").bytes })
  }

  func finish() throws -> [BatchOutput] {
    counts.warnings = report.warnings
    var produced: [BatchOutput] = []
    if let output = try importFile.finish() { produced.append(output) }
    if let output = try replies.finish() { produced.append(output) }
    if let output = try report.finish() { produced.append(output) }
    return produced
  }
}
