/// What log lines and `status` call the records of an export or an SM file.
public enum EntityName {
  /// The plural noun of an entity or SM resource (`customers`, `salesorders`,
  /// `products`); a name this version does not know is shown as it is.
  public static func value(_ name: String?) -> MessageValue {
    guard let name else { return .text("?") }
    if let entity = SageEntity(rawValue: name) { return .message(Message(entity.pluralNoun)) }
    switch name {
    case "accounts": return .message(Message(.companies))
    case "salesorders": return .message(Message(.quotes))
    case "users": return .message(Message(.users))
    case "products": return .message(Message(.products))
    case "sales": return .message(Message(.sales))
    default: return .text(name)
    }
  }

  /// The plural noun of `name`, in `language`.
  public static func noun(_ name: String, in language: ReportLanguage) -> String {
    value(name).text(in: language)
  }
}

extension SageEntity {
  /// The entity's records, in the plural, as messages name them.
  public var pluralNoun: MessageKey {
    switch self {
    case .representatives: .representatives
    case .customers: .customers
    case .prospects: .prospects
    case .contacts: .contacts
    case .articles: .articles
    case .documents: .documents
    }
  }
}
