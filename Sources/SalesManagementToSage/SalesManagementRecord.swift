import Foundation
import PasserelleCore
import PasserelleReading

/// A prospect (`accounts`) or contact (`contacts`) created or edited in Sales
/// Management, read from its file: its keys and the shared values SM sent, before
/// references are checked against the manifest.
package struct SalesManagementRecord: Sendable {
  package enum Resource: String, Sendable {
    case accounts
    case contacts
  }

  package var resource: Resource
  package var line: Int
  package var id: Int?
  /// The Sage code SM holds for it; empty for a record new to Sage.
  package var extId: String
  package var deleted: Bool
  /// Shared values by SM key (`SharedFields`), only for the keys SM sent: a key
  /// left out is not a change. References are resolved by the caller.
  package var values: [String: String]
  /// The company of a contact.
  package var company: SalesManagementReference
  /// The rep of a prospect (`salesRepId1`).
  package var salesRep: SalesManagementReference
  /// The country of a prospect, as SM's id.
  package var countryId: Int?
  package var issues: [RowIssue]

  /// How the record is named in a report: its code, else SM's id.
  package var key: String {
    if !extId.isEmpty { return extId }
    return id.map { "SM-\($0)" } ?? ""
  }

  /// The key of a record not yet read, to find records given twice in a file.
  package static func key(of object: [String: Any]) -> String {
    if let extId = (object["extId"] as? String)?.trimmingCharacters(in: .whitespaces),
      !extId.isEmpty
    {
      return extId
    }
    return SalesManagementReference.integer(object["id"]).map { "SM-\($0)" } ?? ""
  }

  /// SM keys read as they are, per resource; the others are resolved references.
  private static let plainKeys: [Resource: [(json: String, key: String)]] = [
    .accounts: [
      ("name", "name"), ("address1", "address1"), ("address2", "address2"),
      ("postcode", "postcode"), ("city", "city"), ("phone", "phone"), ("phone2", "phone2"),
      ("fax", "fax"), ("email", "email"), ("web", "web"), ("comment", "comment"),
    ],
    .contacts: [
      ("firstName", "firstName"), ("lastName", "lastName"), ("email", "email"),
      ("phone1", "phone1"), ("phone2", "phone2"), ("fax", "fax"), ("comment", "comment"),
      ("Z_CIVILITE", "civility"), ("Z_FONCTION", "role"),
    ],
  ]

  package init(_ object: [String: Any], resource: Resource, line: Int) {
    self.resource = resource
    self.line = line
    var wrongTypes: [(field: String, expected: MessageKey, value: Any)] = []
    let present = { (key: String) -> Any? in object[key].flatMap { $0 is NSNull ? nil : $0 } }
    id = nil
    if let raw = present("id") {
      id = SalesManagementReference.isBoolean(raw) ? nil : SalesManagementReference.integer(raw)
      if id == nil { wrongTypes.append(("id", .expectedInteger, raw)) }
    }
    extId = ""
    if let raw = present("extId") {
      if let text = raw as? String, !SalesManagementReference.isNumber(raw) {
        extId = text.trimmingCharacters(in: .whitespaces)
      } else {
        wrongTypes.append(("extId", .expectedText, raw))
      }
    }
    deleted = false
    if let raw = present("deleted") {
      if SalesManagementReference.isBoolean(raw), let flag = raw as? Bool {
        deleted = flag
      } else {
        wrongTypes.append(("deleted", .expectedBoolean, raw))
      }
    }
    company = .read(object, id: "accountId", extId: "accountExtId")
    salesRep = .read(object, id: "salesRepId1", extId: "salesRepExtId1")
    countryId = SalesManagementReference.integer(object["countryId"])
    values = [:]
    issues = []
    for (json, field) in Self.plainKeys[resource]! {
      guard let raw = object[json] else { continue }
      switch raw {
      case is NSNull: values[field] = ""
      case let text as String:
        values[field] = text.trimmingCharacters(in: .whitespacesAndNewlines)
      case let number as NSNumber where !(raw is Bool): values[field] = "\(number)"
      default:
        issues.append(
          RowIssue(
            line: line, key: self.key, field: json, severity: .warning, code: .unmappedValue,
            message: Message(.notTextValue), value: "\(raw)"))
      }
    }
    for wrong in wrongTypes {
      issues.append(
        RowIssue(
          line: line, key: key, field: wrong.field, severity: .error, code: .wrongType,
          message: Message(
            .wrongType,
            ["field": .text(wrong.field), "expected": .message(Message(wrong.expected))]),
          value: "\(wrong.value)"))
    }
    if key.isEmpty && wrongTypes.isEmpty {
      issues.append(
        RowIssue(
          line: line, key: "", field: "id", severity: .error, code: .missingKey,
          message: Message(.recordWithoutIds), value: ""))
    }
  }

  /// SM's `data` members for shared values, in SM's field names, for the update
  /// that gives SM back Sage's values after a conflict.
  package static func dataKey(_ key: String, resource: Resource) -> String? {
    switch (resource, key) {
    case (.accounts, "country"): return nil  // countryId, resolved by the caller
    case (.accounts, "salesRep"): return nil  // salesRepId1, resolved by the caller
    case (.contacts, "company"): return nil  // accountId, resolved by the caller
    case (.contacts, "civility"): return "Z_CIVILITE"
    case (.contacts, "role"): return "Z_FONCTION"
    default: return key
    }
  }
}
