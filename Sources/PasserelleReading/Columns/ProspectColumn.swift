import PasserelleCore

/// The columns of the Sage 50 FR prospects export ("Prospects"): the customers' shape,
/// told apart by its code column or its prospect-only columns.
package enum ProspectColumn: Int, ColumnTable {
  case code, prospectType

  package static let columns = allCases.map(\.declaration)

  private var declaration: Column {
    switch self {
    case .code:
      Column(
        "Code prospect", aliases: ["Code du prospect", "N° prospect"], required: true,
        feeds: "extId", .code)
    case .prospectType: Column("Type de prospect", aliases: ["Type prospect"], feeds: nil, .rule)
    }
  }
}
