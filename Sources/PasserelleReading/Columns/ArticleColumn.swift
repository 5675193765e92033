import PasserelleCore

/// The columns of the articles export ("Articles").
package enum ArticleColumn: Int, ColumnTable {
  case code, shortName, longName, family, brand, price, priceWithTax, vatRate, vatCode, unit,
    tracksStock, stock, minimumStock, barcode, blocked, dormant, unused, onWeb, category, createdOn,
    picture

  package static let columns = allCases.map(\.declaration)

  private var declaration: Column {
    switch self {
    case .code:
      Column("Code", aliases: ["Code article", "Référence"], required: true, feeds: "extId", .code)
    case .shortName:
      Column(
        "Désignation courte", aliases: ["Désignation", "Libellé"], required: true, feeds: "model",
        .text)
    case .longName:
      Column("Désignation longue", aliases: ["Description"], feeds: "description", .text)
    case .family:
      Column(
        "Famille", aliases: ["Famille article", "Famille articles"], feeds: "Z_FAMILLE", .text)
    case .brand: Column("Marque", feeds: "Z_MARQUE", .text)
    case .price:
      Column("Prix de vente HT", aliases: ["PV HT", "Prix HT"], feeds: "price", .decimal)
    case .priceWithTax:
      Column("Prix de vente TTC", aliases: ["PV TTC", "Prix TTC"], feeds: "Z_PRIX_TTC", .decimal)
    case .vatRate: Column("Taux TVA", aliases: ["Taux de TVA"], feeds: "Z_TAUX_TVA", .decimal)
    case .vatCode: Column("Code TVA", feeds: "Z_CODE_TVA", .text)
    case .unit: Column("Unité", feeds: "Z_UNITE", .text)
    case .tracksStock:
      Column(
        "Suivi stock", aliases: ["Suivi de stock", "Gestion stock"], feeds: "Z_SUIVI_STOCK",
        .boolean)
    case .stock: Column("Stock réel", aliases: ["Stock"], feeds: "stock", .decimal)
    case .minimumStock: Column("Stock minimum", feeds: "Z_STOCK_MINIMUM", .decimal)
    case .barcode:
      Column("Code barre", aliases: ["Code-barres", "EAN"], feeds: "Z_CODE_BARRE", .text)
    case .blocked: Column("Bloqué", feeds: "Z_BLOQUE", .boolean)
    case .dormant:
      Column("Mis en sommeil", aliases: ["En sommeil"], feeds: "Z_MIS_EN_SOMMEIL", .boolean)
    case .unused:
      Column("Article inutilisé", aliases: ["Inutilisé"], feeds: "Z_INUTILISE", .boolean)
    case .onWeb:
      Column(
        "Publiable sur le Web", aliases: ["Publié sur le Web"], feeds: "Z_PUBLIABLE_WEB", .boolean)
    case .category: Column("Catégorie", feeds: "Z_CATEGORIE", .text)
    case .createdOn: Column("Date de création", feeds: "Z_DATE_CREATION", .date)
    case .picture:
      Column(
        "Chemin image", aliases: ["Image", "Photo", "Chemin photo", "Fichier image"],
        feeds: "picture", .text)
    }
  }
}
