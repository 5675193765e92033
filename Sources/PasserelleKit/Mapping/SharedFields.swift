import Foundation

/// A field both sides may change on a shared record (a prospect, a contact): its
/// SM key and the Sage labels behind it.
struct SharedField: Sendable {
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

  let key: String
  let labels: [String]
  /// Sage's length for the first label; longer values are cut, with a warning.
  let length: Int?
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
  var sentKey: String { "=" + key }

  /// The value SM sees for a record as Sage holds it (`snapshot` by Sage label).
  func salesManagementValue(_ snapshot: FieldSnapshot) -> String? {
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
  func labelValues(writing value: String, over held: FieldSnapshot?) -> [(String, String)] {
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

  func same(_ a: String, _ b: String) -> Bool {
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

/// The shared fields of each SM resource Sage imports, with the Sage labels and
/// lengths of its import file (lengths from Sage's field manual where it gives one).
enum SharedFields {
  static let prospect: [SharedField] = [
    SharedField("name", ["Société", "Nom"], length: 50, layout: .firstFilled),
    SharedField("address1", ["Adresse 1"], length: 35),
    SharedField("address2", ["Adresse 2", "Adresse 3"], length: 35, layout: .joined),
    SharedField("postcode", ["Code Postal"], length: 10),
    SharedField("city", ["Ville"], length: 35),
    SharedField("country", ["Pays"], length: 35, .country),
    SharedField("phone", ["Téléphone"], length: 25, .phone),
    SharedField("phone2", ["Portable"], length: 25, .phone),
    SharedField("fax", ["Fax"], length: 25, .phone),
    SharedField("email", ["E-mail"], length: 127, .email),
    SharedField("web", ["URL"], length: 127),
    SharedField("comment", ["Observations"]),
    SharedField("salesRep", ["Représentant"], length: 13),
  ]

  static let contact: [SharedField] = [
    SharedField("company", ["Code client"], length: 13),
    SharedField("civility", ["Civilité"], length: 15),
    SharedField("lastName", ["Nom"], length: 35),
    SharedField("firstName", ["Prénom"], length: 35),
    SharedField("role", ["Fonction"], length: 35),
    SharedField("phone1", ["Téléphone"], length: 25, .phone),
    SharedField("phone2", ["Portable"], length: 25, .phone),
    SharedField("fax", ["Fax"], length: 25, .phone),
    SharedField("email", ["E-mail"], length: 127, .email),
    SharedField("comment", ["Observations"]),
  ]

  /// The columns of the prospect import, in the order of Sage's prospects export.
  static let prospectLabels = [
    "Code prospect", "Nom", "Société", "Adresse 1", "Adresse 2", "Adresse 3", "Code Postal",
    "Ville", "Pays", "Téléphone", "Portable", "Fax", "E-mail", "URL", "Représentant",
    "Observations",
  ]

  /// The columns of the contact import, in the order of Sage's contacts export.
  static let contactLabels = [
    "Code client", "Code contact", "Civilité", "Nom", "Prénom", "Fonction", "Téléphone",
    "Portable", "Fax", "E-mail", "Observations",
  ]
}

/// A record's shared values by Sage label, as the manifest keeps them: what Sage
/// holds (from its last export or our last import) and what both sides last agreed.
struct FieldSnapshot: Sendable, Equatable {
  var values: [String: String]

  init(_ values: [String: String] = [:]) { self.values = values }

  private static let pairSeparator: Character = "\u{1E}"
  private static let valueSeparator: Character = "\u{1F}"

  init?(encoded: Data?) {
    guard let encoded else { return nil }
    values = [:]
    let text = String(decoding: encoded, as: UTF8.self)
    for pair in text.split(separator: Self.pairSeparator, omittingEmptySubsequences: true) {
      let parts = pair.split(
        separator: Self.valueSeparator, maxSplits: 1, omittingEmptySubsequences: false)
      values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
    }
  }

  /// Label, unit separator, value; records separated; in label order, so that the
  /// same values always give the same bytes.
  var encoded: Data {
    var bytes: [UInt8] = []
    for label in values.keys.sorted() {
      if !bytes.isEmpty { bytes.append(0x1E) }
      bytes.append(contentsOf: label.utf8)
      bytes.append(0x1F)
      bytes.append(contentsOf: values[label]!.utf8)
    }
    return Data(bytes)
  }

  /// Writes the snapshot of a Sage row straight from its field bytes: it is built
  /// for every contact and prospect row of an export, so without a dictionary or a
  /// string per field. Control characters (the separators among them) become spaces.
  struct Builder {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(256) }

    private mutating func label(_ label: StaticString) {
      if !bytes.isEmpty { bytes.append(0x1E) }
      label.withUTF8Buffer { bytes.append(contentsOf: $0) }
      bytes.append(0x1F)
    }

    mutating func add(_ name: StaticString, _ value: String) {
      label(name)
      for byte in value.utf8 { bytes.append(byte < 0x20 ? 0x20 : byte) }
    }

    /// Records that SM was sent nothing for `key` although Sage holds a value (it
    /// was left out as invalid): SM's empty field is then not a change.
    mutating func leftOut(_ key: StaticString, holding raw: UnsafeRawBufferPointer, sent: String) {
      guard sent.isEmpty && !raw.isEmpty else { return }
      if !bytes.isEmpty { bytes.append(0x1E) }
      bytes.append(UInt8(ascii: "="))
      key.withUTF8Buffer { bytes.append(contentsOf: $0) }
      bytes.append(0x1F)
    }

    mutating func add(
      _ name: StaticString, _ value: UnsafeRawBufferPointer, encoding: TextEncoding
    ) {
      label(name)
      for byte in value {
        if byte < 0x20 {
          bytes.append(0x20)
        } else if byte >= 0x80 && encoding == .windows1252 {
          bytes.append(contentsOf: Windows1252.utf8[Int(byte) - 0x80])
        } else {
          bytes.append(byte)
        }
      }
    }

  }
}

/// The three-way comparison of a shared record: what SM sends now, what Sage holds,
/// what both last agreed on. A field only SM changed goes to Sage; a field only
/// Sage changed is Sage's news, still on its way to SM; a field both changed to
/// different values is a conflict, which Sage wins (sync rules).
struct SharedRecordMerge {
  /// Fields SM changed and Sage did not.
  var changed: [SharedField] = []
  /// Fields both sides changed, to different values.
  var conflicts: [SharedField] = []
  /// Sage's values after the import, by label.
  var sage: FieldSnapshot
  /// What both sides agree on after this record, by label.
  var synced: FieldSnapshot

  /// - Parameters:
  ///   - incoming: SM's values by SM key, only for the keys SM sent, in the form
  ///     Sage would hold them (Windows-1252, Sage's lengths): what we write is what
  ///     we compare.
  ///   - sage: what Sage holds; nil for a record Sage does not have yet.
  ///   - synced: what both last agreed on; nil means what Sage holds.
  ///   - previous: what Sage held before its last change, also sent to SM: SM may
  ///     still show it when Sage changed a value twice.
  init(
    fields: [SharedField], incoming: [String: String], sage: FieldSnapshot?,
    synced: FieldSnapshot?, previous: FieldSnapshot? = nil
  ) {
    let sageNow = sage ?? FieldSnapshot()
    let base = synced ?? sageNow
    self.sage = sageNow
    self.synced = base
    for field in fields {
      guard let value = incoming[field.key] else { continue }
      let held = field.salesManagementValue(sageNow)
      let agreed = field.salesManagementValue(base)
      if let held, field.same(value, held) {
        // Both sides hold it: it is agreed from now on.
        for label in field.labels + [field.sentKey] {
          self.synced.values[label] = sageNow.values[label]
        }
        continue
      }
      // SM shows a value Sage sent it: Sage's later change has not reached SM yet.
      let seenBySM = [agreed, previous.flatMap(field.salesManagementValue)].compactMap { $0 }
      let smChanged = !seenBySM.contains { field.same(value, $0) }
      guard smChanged else { continue }
      let sageChanged =
        if let held, let agreed { !field.same(held, agreed) } else { false }
      if sageChanged {
        conflicts.append(field)
      } else {
        changed.append(field)
      }
    }
  }

  /// Records what the import writes for a changed field (cut to Sage's length and
  /// in Windows-1252): what Sage will hold, and what both sides then agree on.
  mutating func record(_ field: SharedField, written value: String, over held: FieldSnapshot?) {
    for (label, value) in field.labelValues(writing: value, over: held) {
      sage.values[label] = value
      synced.values[label] = value
    }
    sage.values[field.sentKey] = nil
    synced.values[field.sentKey] = nil
  }
}
