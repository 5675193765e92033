import PasserelleCore

/// The columns of the commercial documents export (`E`/`L` layout).
package enum DocumentColumn: Int, ColumnTable {
  case lineType, documentType, number, date, reference, remark, representative, customer,
    paymentMode, dueDate, validated, settled, quoteStatus, documentDiscountRate,
    documentDiscountAmount, totalWithTax, shippingWithoutVAT, shippingSubjectToVAT, shippingVATRate,
    article, quantity, unitPrice, vatRate, isComment, description, lineDiscountRate,
    lineUnitDiscount, lineNumber, unit, vatCategory, vatExemptionReason, deliveryCompany,
    deliveryAddress1, deliveryAddress2, deliveryAddress3, deliveryPostcode, deliveryCity,
    deliveryCountryCode, deliveryCountry, billingFramework

  package static let columns = allCases.map(\.declaration)

  private var declaration: Column {
    switch self {
    case .lineType: Column("Type de Ligne", required: true, feeds: nil, .rule)
    case .documentType: Column("Type de pièce", required: true, feeds: "Z_TYPE_PIECE", .text)
    case .number:
      Column(
        "N° pièce", aliases: ["Numéro pièce", "N° de pièce"], required: true, feeds: "extId", .code)
    case .date: Column("Date pièce", required: true, feeds: "date", .date)
    case .reference: Column("Référence pièce", feeds: "Z_REFERENCE", .text)
    case .remark: Column("Remarque", feeds: "Z_REMARQUE", .text)
    case .representative: Column("Code représentant pièce", feeds: "salesRepExtId", .code)
    case .customer: Column("Code client", required: true, feeds: "accountExtId", .code)
    case .paymentMode: Column("Code mode de paiement", feeds: "Z_MODE_PAIEMENT", .text)
    case .dueDate: Column("Date échéance", feeds: "Z_DATE_ECHEANCE", .date)
    case .validated: Column("Validée", feeds: "Z_STATUT", .boolean)
    case .settled: Column("Soldée", feeds: "Z_STATUT", .boolean)
    case .quoteStatus: Column("Statut devis", feeds: "Z_STATUT_DEVIS", .text)
    case .documentDiscountRate: Column("Taux remise pièce", feeds: "discount1", .decimal)
    case .documentDiscountAmount: Column("Mt remise pièce", feeds: "total", .decimal)
    case .totalWithTax: Column("Mt total TTC", feeds: "Z_TOTAL_TTC", .decimal)
    case .shippingWithoutVAT: Column("Port Sans TVA", feeds: "total", .decimal)
    case .shippingSubjectToVAT: Column("Port Soumis TVA", feeds: "total", .decimal)
    case .shippingVATRate: Column("Taux TVA Port Soumis", feeds: "Z_TOTAL_TVA", .decimal)
    case .article: Column("Code article", feeds: "productExtId", .code)
    case .quantity: Column("Quantité", feeds: "quantity", .decimal)
    case .unitPrice: Column("PU HT", feeds: "price", .decimal)
    case .vatRate: Column("Taux TVA", feeds: "vatRate", .decimal)
    case .isComment: Column("Ligne commentaire", feeds: "comment", .boolean)
    case .description: Column("Description", feeds: "description", .text)
    case .lineDiscountRate: Column("Taux remise ligne", feeds: "discount1", .decimal)
    case .lineUnitDiscount: Column("Mt unit. remise HT", feeds: "total", .decimal)
    case .lineNumber: Column("N° ligne", feeds: "order", .decimal)
    case .unit: Column("Unité", feeds: "unit", .text)
    // The French e-invoicing columns, none of them required (older export formats
    // lack them): VAT category and exemption reason on `L` lines, the delivery
    // address and billing framework on the `E` line.
    case .vatCategory: Column("Catégorie de TVA", feeds: "Z_CATEGORIE_TVA", .text)
    case .vatExemptionReason:
      Column(
        "Motif d'exonération de TVA", aliases: ["Motif exonération TVA"],
        feeds: "Z_MOTIF_EXONERATION_TVA", .text)
    case .deliveryCompany:
      Column(
        "Société de livraison", aliases: ["Société Livraison"], feeds: "Z_LIVRAISON_SOCIETE",
        .text)
    case .deliveryAddress1:
      Column(
        "Adresse 1 de livraison", aliases: ["Adresse 1 Livraison"],
        feeds: "Z_LIVRAISON_ADRESSE1", .text)
    case .deliveryAddress2:
      Column(
        "Adresse 2 de livraison", aliases: ["Adresse 2 Livraison"],
        feeds: "Z_LIVRAISON_ADRESSE2", .text)
    case .deliveryAddress3:
      Column(
        "Adresse 3 de livraison", aliases: ["Adresse 3 Livraison"],
        feeds: "Z_LIVRAISON_ADRESSE3", .text)
    case .deliveryPostcode:
      Column(
        "CP de livraison", aliases: ["Code postal de livraison", "Code Postal Livraison"],
        feeds: "Z_LIVRAISON_CODE_POSTAL", .text)
    case .deliveryCity:
      Column(
        "Ville de livraison", aliases: ["Ville Livraison"], feeds: "Z_LIVRAISON_VILLE", .text)
    case .deliveryCountryCode:
      Column(
        "Code pays de livraison", aliases: ["Code pays Livraison"],
        feeds: "Z_LIVRAISON_CODE_PAYS", .text)
    case .deliveryCountry:
      Column("Pays de livraison", aliases: ["Pays Livraison"], feeds: "Z_LIVRAISON_PAYS", .text)
    case .billingFramework:
      Column("Cadre de facturation", feeds: "Z_CADRE_FACTURATION", .text)
    }
  }
}
