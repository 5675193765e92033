import PasserelleCore

/// The columns of the Sage 50 FR customers export ("Clients") that the mapping reads;
/// the prospects export has the same shape, its own columns in `ProspectColumn`.
package enum CustomerColumn: Int, ColumnTable {
  case code, name, company, legalForm, address1, address2, address3, postcode, city, country,
    doesNotLiveAtAddress, customerFamily, paymentMode, paymentModeLabel, phone, mobile, fax, risk,
    blocked, creditLimit, vatMode, vatNumber, accountingAccount, discountRate, notes, email,
    website, siret, representative, priceList, miscellaneous, createdOn, lastOrderOn, activityCode,
    customerType

  package static let columns = allCases.map(\.declaration)

  private var declaration: Column {
    switch self {
    case .code:
      Column(
        "Code", aliases: ["Code client", "Code du client"], required: true, feeds: "extId", .code)
    case .name: Column("Nom", aliases: ["Nom client"], feeds: "name", .text)
    case .company: Column("Société", aliases: ["Raison sociale"], feeds: "name", .text)
    case .legalForm: Column("Forme juridique", feeds: "Z_FORME_JURIDIQUE", .text)
    case .address1: Column("Adresse 1", aliases: ["Adresse"], feeds: "address1", .text)
    case .address2: Column("Adresse 2", feeds: "address2", .text)
    case .address3: Column("Adresse 3", feeds: "address2", .text)
    case .postcode: Column("Code Postal", aliases: ["CP"], feeds: "postcode", .text)
    case .city: Column("Ville", feeds: "city", .text)
    case .country: Column("Pays", feeds: "Z_PAYS_ISO", .country)
    case .doesNotLiveAtAddress: Column("NPAI", feeds: "Z_NPAI", .boolean)
    case .customerFamily:
      Column("Famille clients", aliases: ["Famille client"], feeds: "Z_FAMILLE_CLIENT", .text)
    case .paymentMode:
      Column(
        "Mode de paiement", aliases: ["Code mode de paiement"], feeds: "Z_MODE_PAIEMENT", .text)
    case .paymentModeLabel:
      Column("Libellé mode de paiement", feeds: "Z_MODE_PAIEMENT_LIBELLE", .text)
    case .phone: Column("Téléphone", aliases: ["Tél"], feeds: "phone", .phone)
    case .mobile: Column("Portable", aliases: ["Mobile"], feeds: "phone2", .phone)
    case .fax: Column("Fax", feeds: "fax", .phone)
    // A value list (`Aucun`, else a level the dossier names), not an amount.
    case .risk: Column("Risque", feeds: "Z_RISQUE", .text)
    case .blocked: Column("Bloqué", feeds: "Z_BLOQUE", .boolean)
    case .creditLimit: Column("Encours autorisé", feeds: "Z_ENCOURS_AUTORISE", .decimal)
    case .vatMode: Column("Mode TVA", feeds: "Z_MODE_TVA", .text)
    case .vatNumber:
      Column(
        "N° TVA intracom", aliases: ["Numéro TVA intracommunautaire", "TVA intracommunautaire"],
        feeds: "Z_TVA_INTRACOM", .text)
    case .accountingAccount: Column("Compte Comptable", feeds: "Z_COMPTE_COMPTABLE", .text)
    case .discountRate: Column("Taux Remise", feeds: "Z_TAUX_REMISE", .decimal)
    case .notes: Column("Observations", feeds: "comment", .text)
    case .email: Column("E-mail", aliases: ["Email", "Courriel", "Mail"], feeds: "email", .email)
    case .website: Column("URL", aliases: ["Site web", "Site internet"], feeds: "web", .text)
    case .siret: Column("SIRET", aliases: ["N° SIRET", "Numéro SIRET"], feeds: "Z_SIRET", .text)
    case .representative:
      Column(
        "Représentant", aliases: ["Code représentant", "Code commercial"], feeds: "Z_REPRESENTANT",
        .code)
    case .priceList: Column("Code Tarif", aliases: ["Tarif"], feeds: "Z_CODE_TARIF", .text)
    case .miscellaneous: Column("Client divers", feeds: "Z_CLIENT_DIVERS", .boolean)
    case .createdOn: Column("Date de création", feeds: "Z_DATE_CREATION", .date)
    case .lastOrderOn: Column("Date Dernière Commande", feeds: "Z_DATE_DERNIERE_COMMANDE", .date)
    case .activityCode: Column("NAF (APE)", aliases: ["Code NAF", "APE"], feeds: "Z_NAF", .text)
    case .customerType:
      Column("Type de client", aliases: ["Type client"], feeds: "Z_TYPE_CLIENT", .text)
    }
  }
}
