/// Every text a person reads, in French and English, keyed by situation
/// (`MessageKey`), with named `{placeholders}`. The catalogue's tests fail when a
/// key lacks a text in either language or the two texts name different
/// placeholders. Each topic's texts are in `MessageCatalogue+<Topic>.swift`; what
/// each reason code means and how to fix it is in `MessageCatalogue+Reasons.swift`.
package enum MessageCatalogue {
  /// The texts of every key, gathered from the topics.
  package static let templates: [MessageKey: MessageTemplate] = {
    var all: [MessageKey: MessageTemplate] = [:]
    for topic in [
      files, rows, values, pictures, salesManagement, matching, service, status, settings,
    ] {
      all.merge(topic) { first, _ in first }
    }
    return all
  }()

  /// The texts of `key`; a key without texts (which the tests forbid) shows its name.
  static func template(_ key: MessageKey) -> MessageTemplate {
    templates[key] ?? MessageTemplate(key.rawValue, key.rawValue)
  }
}
