import Foundation
import PasserelleCore

/// A field both sides may change on a shared record (a prospect, a contact): its
/// SM key and the Sage labels behind it.
package struct SharedField: Sendable {
  /// How SM's one value stands for several Sage labels.
  enum Layout: Sendable {
    /// One label.
    case single
    /// SM joins the labels (`address2` = Adresse 2, Adresse 3): SM's value goes
    /// to the first and the others are emptied.
    case joined
    /// SM shows the first label that is filled (`name` = Société, else Nom): SM's
    /// value goes to the first, the others keep what Sage holds (a new record
    /// gets it everywhere).
    case firstFilled
  }

  enum Comparison: Sendable {
    /// Spacing and composition do not matter.
    case text
    /// Only the digits do, with `+33`/`0033` read as a leading 0.
    case phone
    /// Case does not matter.
    case email
    /// Two names of one country are the same country.
    case country
  }

  package let key: String
  package let labels: [String]
  /// Sage's length for the first label; longer values are cut, with a warning.
  package let length: Int?
  let comparison: Comparison
  let layout: Layout

  init(
    _ key: String, _ labels: [String], length: Int? = nil, _ comparison: Comparison = .text,
    layout: Layout = .single
  ) {
    self.key = key
    self.labels = labels
    self.length = length
    self.comparison = comparison
    self.layout = layout
  }

  /// The snapshot entry that holds what SM was sent when it is not what the labels
  /// say (a value the payload left out as invalid: SM holds nothing).
  package var sentKey: String { "=" + key }

  /// The value SM sees for a record as Sage holds it (`snapshot` by Sage label).
  package func salesManagementValue(_ snapshot: FieldSnapshot) -> String? {
    if let sent = snapshot.values[sentKey] { return sent }
    var parts: [String] = []
    var known = false
    for label in labels {
      guard let value = snapshot.values[label] else { continue }
      known = true
      if !value.isEmpty { parts.append(value) }
    }
    guard known else { return nil }
    return layout == .firstFilled ? parts.first ?? "" : parts.joined(separator: ", ")
  }

  /// The values of the field's labels once `value` is written over `held`.
  package func labelValues(writing value: String, over held: FieldSnapshot?) -> [(String, String)] {
    guard layout == .firstFilled, let held else {
      return labels.enumerated().map { index, label in
        (label, index == 0 || layout == .firstFilled ? value : "")
      }
    }
    // The label SM's value came from takes the new one (a person's Nom when there
    // is no Société); the others keep what Sage holds.
    let source = labels.firstIndex { !(held.values[$0] ?? "").isEmpty } ?? 0
    return labels.enumerated().map { index, label in
      (label, index == source ? value : held.values[label] ?? "")
    }
  }

  package func same(_ a: String, _ b: String) -> Bool {
    Self.normalise(a, comparison) == Self.normalise(b, comparison)
  }

  static func normalise(_ value: String, _ comparison: Comparison) -> String {
    let text = value.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace)
      .joined(separator: " ")
    switch comparison {
    case .text: return text
    case .email: return text.lowercased()
    case .country: return Countries.isoCode(for: text) ?? LabelKey.normalise(text)
    case .phone:
      var digits = String(text.filter { $0.isASCII && ($0.isNumber || $0 == "+") })
      if digits.hasPrefix("+33") {
        digits = "0" + digits.dropFirst(3)
      } else if digits.hasPrefix("0033") {
        digits = "0" + digits.dropFirst(4)
      }
      return digits
    }
  }
}
