import PasserelleCore

/// The columns of the main contact a customer or prospect row carries (`… du contact`):
/// they feed that contact's SM contact, as a contacts export's columns do.
package enum MainContactColumn: Int, ColumnTable {
  case name, title, role, phone, mobile, fax, email

  package static let columns = allCases.map(\.declaration)

  private var declaration: Column {
    switch self {
    case .name: Column("Nom du contact", feeds: "lastName", .text)
    case .title:
      Column("Titre du contact", aliases: ["Civilité du contact"], feeds: "Z_CIVILITE", .text)
    case .role: Column("Fonction du contact", feeds: "Z_FONCTION", .text)
    case .phone: Column("Téléphone du contact", feeds: "phone1", .phone)
    case .mobile: Column("Portable du contact", feeds: "phone2", .phone)
    case .fax: Column("Fax du contact", feeds: "fax", .phone)
    case .email: Column("E-mail du contact", aliases: ["Email du contact"], feeds: "email", .email)
    }
  }
}
