import PasserelleCore
import PasserelleReading

/// Sage 50 FR article → Sales Management product (`docs/sync-rules.md`): read-only,
/// `model` from the short designation, the price without tax in `price`, tax and
/// stock details in `Z_` extras, not available when Sage blocks or retires it.
/// Stock: an article that tracks stock gets `stock` (SM's integer: the real stock
/// rounded toward zero) and its exact value in `Z_STOCK`; one that does not gets
/// `"stock": null` and `"Z_STOCK": "-"`, so that SM shows a dash, never 0.
public struct ArticleMapping: Sendable {
  /// Sage 50 article codes hold at most 15 characters (SM's `extId` allows 30, but
  /// the code must go back into Sage quotes unchanged).
  public static let maximumCodeLength = 15

  public let tables: SalesManagementTables
  struct Columns: Sendable {
    var code, shortName, longName, family, brand, price, priceWithTax, vatRate, vatCode: Int?
    var unit, tracksStock, stock, minimumStock, barcode, blocked, dormant, unused, onWeb: Int?
    var category, createdOn, picture: Int?
  }
  private let columns: Columns

  public init(header: Header, tables: SalesManagementTables) {
    self.tables = tables
    typealias F = ArticleFields
    columns = Columns(
      code: header.column(F.code), shortName: header.column(F.shortName),
      longName: header.column(F.longName), family: header.column(F.family),
      brand: header.column(F.brand), price: header.column(F.price),
      priceWithTax: header.column(F.priceWithTax), vatRate: header.column(F.vatRate),
      vatCode: header.column(F.vatCode), unit: header.column(F.unit),
      tracksStock: header.column(F.tracksStock), stock: header.column(F.stock),
      minimumStock: header.column(F.minimumStock), barcode: header.column(F.barcode),
      blocked: header.column(F.blocked), dormant: header.column(F.dormant),
      unused: header.column(F.unused), onWeb: header.column(F.onWeb),
      category: header.column(F.category), createdOn: header.column(F.createdOn),
      picture: header.column(F.picture))
  }

  public func map(_ row: SourceRow) -> MappedRecord {
    var reader = RowValues(row: row, key: "")
    let code = reader.readKey(
      columns.code, ArticleFields.code, noun: "article", maximumLength: Self.maximumCodeLength)
    var record = MappedRecord(key: code, data: [], salesRep: .none, issues: [])
    if code.isEmpty {
      record.issues = reader.issues
      return record
    }
    let model = reader.raw(columns.shortName)
    if model.isEmpty {
      reader.error(
        .missingRequired, ArticleFields.shortName,
        "the article has no Désignation courte (SM's product name)", "")
    }
    // A wrong price in front of a customer is worse than no product: an error.
    let priceText = reader.text(columns.price)
    let price = priceText.isEmpty ? nil : FrenchValue.decimalLiteral(priceText)
    if !priceText.isEmpty && price == nil {
      reader.error(.badNumber, ArticleFields.price, "the price is not a number", priceText)
    }
    if reader.hasError {
      record.issues = reader.issues
      return record
    }
    let encoding = row.encoding
    var data = JSONObject()
    data.text("model", model, encoding: encoding)
    data.string("extId", code)
    data.text("description", reader.raw(columns.longName), encoding: encoding)
    if let price { data.number("price", literal: price) }
    data.bool("readOnly", true)
    let blocked = reader.boolean(columns.blocked, ArticleFields.blocked)
    let dormant = reader.boolean(columns.dormant, ArticleFields.dormant)
    let unused = reader.boolean(columns.unused, ArticleFields.unused)
    data.bool("notAvailable", blocked || dormant || unused)

    let tracked =
      columns.tracksStock == nil
      || reader.boolean(
        columns.tracksStock, ArticleFields.tracksStock)
    let stockText = reader.text(columns.stock)
    var stockLiteral: String? = nil
    if tracked && !stockText.isEmpty {
      stockLiteral = FrenchValue.decimalLiteral(stockText)
      if stockLiteral == nil {
        reader.warning(.badNumber, ArticleFields.stock, "not a number; stock left out", stockText)
      }
    }
    if let stockLiteral {
      if let value = Amount(literal: stockLiteral) {
        // SM's stock is an integer: the whole part (toward zero).
        data.integer("stock", Int(value.units / Amount(1).units))
      } else {
        reader.warning(
          .badNumber, ArticleFields.stock, "beyond a billion; stock left out of SM's field",
          stockText)
      }
      data.string("Z_STOCK", stockLiteral)
    } else if !tracked {
      data.null("stock")
      data.string("Z_STOCK", "-")
    }

    let family = reader.listValue(columns.family)
    if !family.isEmpty && !tables.productFamilyIds.isEmpty {
      if let familyId = tables.productFamilyIds[LabelKey.normalise(family)] {
        data.integer("familyId", familyId)
      } else {
        reader.warning(
          .unmappedValue, ArticleFields.family,
          "no SM family is configured for this Sage family; kept in Z_FAMILLE", family)
      }
    }
    data.string("Z_FAMILLE", family)
    reader.number(&data, "Z_PRIX_TTC", columns.priceWithTax, ArticleFields.priceWithTax)
    reader.number(&data, "Z_TAUX_TVA", columns.vatRate, ArticleFields.vatRate)
    data.text("Z_CODE_TVA", reader.rawListValue(columns.vatCode), encoding: encoding)
    data.text("Z_UNITE", reader.rawListValue(columns.unit), encoding: encoding)
    data.text("Z_MARQUE", reader.rawListValue(columns.brand), encoding: encoding)
    data.text("Z_CATEGORIE", reader.rawListValue(columns.category), encoding: encoding)
    data.text("Z_CODE_BARRE", reader.raw(columns.barcode), encoding: encoding)
    reader.number(&data, "Z_STOCK_MINIMUM", columns.minimumStock, ArticleFields.minimumStock)
    data.bool("Z_SUIVI_STOCK", tracked)
    data.bool("Z_BLOQUE", blocked)
    data.bool("Z_MIS_EN_SOMMEIL", dormant)
    data.bool("Z_INUTILISE", unused)
    data.bool("Z_PUBLIABLE_WEB", reader.boolean(columns.onWeb, ArticleFields.onWeb))
    reader.date(&data, "Z_DATE_CREATION", columns.createdOn, ArticleFields.createdOn)
    record.data = data.close()
    let picture = reader.text(columns.picture)
    record.picture = picture.isEmpty ? .code(code) : .path(picture)
    record.issues = reader.issues
    return record
  }
}
