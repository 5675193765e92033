import Foundation

/// Builds the `where` filters of SM's lists: SQL-like, values single-quoted.
package enum SalesManagementFilter {
  /// `value` single-quoted, a quote inside doubled: `O'Neil` → `'O''Neil'`.
  package static func quoted(_ value: String) -> String {
    "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// Records whose `extId` is one of `extIds`: `extId='a' OR extId='b'`.
  /// `extIds` must not be empty: no filter matches nothing.
  package static func extId(in extIds: [String]) -> String {
    precondition(!extIds.isEmpty, "an extId filter needs at least one extId")
    return extIds.map { "extId=" + quoted($0) }.joined(separator: " OR ")
  }

  /// Records created or edited after `date` (whole seconds, UTC; SM leaves `dateUpdated`
  /// null until the first edit): `(dateUpdated>'T' OR dateCreated>'T')`.
  package static func changed(since date: Date) -> String {
    after(date, in: ["dateUpdated", "dateCreated"])
  }

  /// Records created, edited or deleted after `date`: SM may mark a deletion in
  /// `dateDeleted` alone.
  package static func changedOrDeleted(since date: Date) -> String {
    after(date, in: ["dateUpdated", "dateCreated", "dateDeleted"])
  }

  /// Records with any of the date `fields` after `date`.
  private static func after(_ date: Date, in fields: [String]) -> String {
    let moment = quoted(timestamp(date))
    return "(" + fields.map { "\($0)>\(moment)" }.joined(separator: " OR ") + ")"
  }

  /// `date` as ISO-8601 UTC, cut to the whole second below so that nothing is missed.
  static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    let wholeSeconds = (date.timeIntervalSince1970).rounded(.down)
    return formatter.string(from: Date(timeIntervalSince1970: wholeSeconds))
  }
}
