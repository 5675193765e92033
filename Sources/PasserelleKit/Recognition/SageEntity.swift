/// The kinds of Sage 50 FR export Passerelle recognises from a header.
public enum SageEntity: String, Sendable, CaseIterable, Codable {
  case customers

  /// The Sales Management resource the entity's records become.
  public var resource: String {
    switch self {
    case .customers: "accounts"
    }
  }
}

/// Tells which export a header belongs to. Each signature needs its key labels
/// and enough of the labels only that export has, so that a customers export
/// is never mistaken for a prospects or contacts list.
public enum EntityRecognizer {
  struct Signature {
    let entity: SageEntity
    let required: [FieldLabel]
    let distinctive: [FieldLabel]
    let minimumDistinctive: Int
  }

  static let signatures: [Signature] = [
    Signature(
      entity: .customers,
      required: [CustomerFields.code],
      distinctive: [
        CustomerFields.customerFamily, CustomerFields.customerType, CustomerFields.miscellaneous,
        CustomerFields.creditLimit, CustomerFields.accountingAccount, CustomerFields.vatMode,
        CustomerFields.priceList, CustomerFields.company, CustomerFields.blocked,
      ],
      minimumDistinctive: 2)
  ]

  public static func recognise(_ header: Header) -> SageEntity? {
    for signature in signatures {
      guard signature.required.allSatisfy(header.contains) else { continue }
      let found = signature.distinctive.filter(header.contains).count
      if found >= signature.minimumDistinctive { return signature.entity }
    }
    return nil
  }
}
