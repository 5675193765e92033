import PasserelleCore

/// The columns of the representatives export ("Représentants").
package enum RepresentativeColumn: Int, ColumnTable {
  case code, name, firstName, title, role, region, phone, mobile, email, commission, country

  package static let columns = allCases.map(\.declaration)

  private var declaration: Column {
    switch self {
    case .code:
      Column("Code", aliases: ["Code représentant"], required: true, feeds: "extId", .code)
    case .name:
      Column("Nom", aliases: ["Nom représentant"], required: true, feeds: "lastName", .text)
    case .firstName: Column("Prénom", feeds: "lastName", .text)
    case .title: Column("Titre", aliases: ["Civilité"], feeds: "Z_CIVILITE", .text)
    case .role: Column("Fonction", feeds: "Z_FONCTION", .text)
    case .region: Column("Région", feeds: "Z_REGION", .text)
    case .phone: Column("Téléphone", aliases: ["Tél"], feeds: "Z_TELEPHONE", .phone)
    case .mobile: Column("Portable", aliases: ["Mobile"], feeds: "Z_PORTABLE", .phone)
    case .email: Column("E-mail", aliases: ["Email", "Courriel", "Mail"], feeds: "email", .email)
    case .commission:
      Column("Commission", aliases: ["Taux commission"], feeds: "Z_COMMISSION", .decimal)
    case .country: Column("Pays", feeds: nil, .rule)
    }
  }
}
