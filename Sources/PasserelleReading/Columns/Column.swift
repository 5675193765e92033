/// One column of a Sage export, declared once: its label and aliases, whether a
/// row needs it, the Sales Management key its value feeds and how the value is
/// read. Recognition, mappings and reports all take the column from here.
package struct Column: Sendable {
  /// How a column's value is read before it reaches SM.
  package enum Reading: Sendable, Equatable {
    /// A Sage code: trimmed, length-checked, the record's key or a reference.
    case code
    /// Text, transcoded as it stands.
    case text
    /// A decimal in French or English form, written as a canonical JSON number.
    case decimal
    /// `Oui`/`Non` and their variants.
    case boolean
    /// `dd/mm/yyyy` or `dd/mm/yy`.
    case date
    /// A phone number, checked and written in international form.
    case phone
    /// An e-mail address, checked.
    case email
    /// A country name or code, written as ISO 3166 alpha-2.
    case country
    /// Read to steer a rule (a document's line type, a stock flag), not sent as such.
    case rule
  }

  package let field: FieldLabel
  package let isRequired: Bool
  /// The SM key the value feeds (`model`, `Z_STOCK`); nil when it steers a rule.
  package let salesManagementKey: String?
  package let reading: Reading

  package init(
    _ label: String, aliases: [String] = [], required: Bool = false, feeds key: String?,
    _ reading: Reading
  ) {
    field = FieldLabel(label, aliases: aliases)
    isRequired = required
    salesManagementKey = key
    self.reading = reading
  }
}
