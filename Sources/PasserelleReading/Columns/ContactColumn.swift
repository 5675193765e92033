import PasserelleCore

/// The columns of a contacts export: the company's code plus the contact's fields.
package enum ContactColumn: Int, ColumnTable {
  case company, code, civility, lastName, firstName, role, phone, mobile, fax, email, notes

  package static let columns = allCases.map(\.declaration)

  private var declaration: Column {
    switch self {
    case .company:
      Column(
        "Code client", aliases: ["Code tiers", "Code prospect", "Code société"], required: true,
        feeds: "accountExtId", .code)
    case .code:
      Column(
        "Code contact", aliases: ["N° contact", "Numéro contact", "Identifiant contact"],
        feeds: "extId", .code)
    case .civility: Column("Civilité", aliases: ["Titre"], feeds: "Z_CIVILITE", .text)
    case .lastName:
      Column("Nom", aliases: ["Nom du contact"], required: true, feeds: "lastName", .text)
    case .firstName: Column("Prénom", aliases: ["Prénom du contact"], feeds: "firstName", .text)
    case .role: Column("Fonction", feeds: "Z_FONCTION", .text)
    case .phone: Column("Téléphone", aliases: ["Tél"], feeds: "phone1", .phone)
    case .mobile: Column("Portable", aliases: ["Mobile"], feeds: "phone2", .phone)
    case .fax: Column("Fax", feeds: "fax", .phone)
    case .email: Column("E-mail", aliases: ["Email", "Courriel", "Mail"], feeds: "email", .email)
    case .notes: Column("Observations", aliases: ["Commentaire"], feeds: "comment", .text)
    }
  }
}
