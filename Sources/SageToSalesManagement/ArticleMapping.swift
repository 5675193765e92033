import PasserelleCore
import PasserelleReading

/// Sage 50 FR article → Sales Management product (`docs/sync-rules.md`): read-only,
/// `model` from the short designation, the price without tax in `price`, tax and
/// stock details in `Z_` extras, not available when Sage blocks or retires it.
/// Stock: an article that tracks stock gets `stock` (SM's integer: the real stock
/// rounded toward zero) and its exact value in `Z_STOCK`; one that does not gets
/// `"stock": null` and `"Z_STOCK": "-"`, so that SM shows a dash, never 0.
package struct ArticleMapping: Sendable {
  /// Sage 50 article codes hold at most 15 characters (SM's `extId` allows 30, but
  /// the code must go back into Sage quotes unchanged).
  package static let maximumCodeLength = 15

  package let tables: SalesManagementTables
  private let columns: ColumnPositions<ArticleColumn>

  package init(header: Header, tables: SalesManagementTables) {
    self.tables = tables
    columns = ColumnPositions(header)
  }

  package func map(_ row: SourceRow) -> MappedRecord {
    var reader = RowValues(row: row, key: "")
    let code = reader.readKey(
      columns[.code], ArticleColumn.code.field, noun: .theArticle,
      maximumLength: Self.maximumCodeLength)
    var record = MappedRecord(key: code, data: .absent, salesRep: .none, issues: [])
    if code.isEmpty {
      record.issues = reader.issues
      return record
    }
    let required = readRequired(&reader)
    if reader.hasError {
      record.issues = reader.issues
      return record
    }
    var data = JSONObject()
    let availability = writeProduct(&data, &reader, code: code, required: required)
    let tracked = writeStock(&data, &reader)
    writeFamily(&data, &reader)
    writeExtras(&data, &reader, tracked: tracked, availability: availability)
    record.data = data
    let picture = reader.text(columns[.picture])
    record.picture = picture.isEmpty ? .code(code) : .path(picture)
    record.issues = reader.issues
    return record
  }

  /// What SM cannot take a product without: its name and, when given, a valid price.
  private struct Required {
    let model: UnsafeRawBufferPointer
    let price: String?
  }

  /// The three Sage flags that make a product not available in SM.
  private struct Availability {
    let blocked, dormant, unused: Bool
  }

  private func readRequired(_ reader: inout RowValues) -> Required {
    let model = reader.raw(columns[.shortName])
    if model.isEmpty {
      reader.error(
        .missingRequired, ArticleColumn.shortName.field,
        Message(.articleNoShortName), "")
    }
    // A wrong price in front of a customer is worse than no product: an error.
    let priceText = reader.text(columns[.price])
    let price = priceText.isEmpty ? nil : FrenchValue.decimalLiteral(priceText)
    if !priceText.isEmpty && price == nil {
      reader.error(.badNumber, ArticleColumn.price.field, Message(.priceNotNumber), priceText)
    }
    return Required(model: model, price: price)
  }

  /// SM's standard product fields, up to `notAvailable`.
  private func writeProduct(
    _ data: inout JSONObject, _ reader: inout RowValues, code: String, required: Required
  ) -> Availability {
    let encoding = reader.row.encoding
    data.text("model", required.model, encoding: encoding)
    data.string("extId", code)
    data.text("description", reader.raw(columns[.longName]), encoding: encoding)
    if let price = required.price { data.number("price", literal: price) }
    data.bool("readOnly", true)
    let blocked = reader.boolean(columns[.blocked], ArticleColumn.blocked.field)
    let dormant = reader.boolean(columns[.dormant], ArticleColumn.dormant.field)
    let unused = reader.boolean(columns[.unused], ArticleColumn.unused.field)
    data.bool("notAvailable", blocked || dormant || unused)
    return Availability(blocked: blocked, dormant: dormant, unused: unused)
  }

  /// `stock` and `Z_STOCK` (see the type's comment). Returns whether the article
  /// tracks stock (it does when the export has no such column).
  private func writeStock(_ data: inout JSONObject, _ reader: inout RowValues) -> Bool {
    let tracked =
      columns[.tracksStock] == nil
      || reader.boolean(
        columns[.tracksStock], ArticleColumn.tracksStock.field)
    let stockText = reader.text(columns[.stock])
    var stockLiteral: String? = nil
    if tracked && !stockText.isEmpty {
      stockLiteral = FrenchValue.decimalLiteral(stockText)
      if stockLiteral == nil {
        reader.warning(
          .badNumber, ArticleColumn.stock.field, Message(.stockNotNumber), stockText)
      }
    }
    if let stockLiteral {
      if let value = Amount(literal: stockLiteral) {
        // SM's stock is an integer: the whole part (toward zero).
        data.integer("stock", Int(value.units / Amount(1).units))
      } else {
        reader.warning(
          .badNumber, ArticleColumn.stock.field, Message(.stockTooLarge),
          stockText)
      }
      data.string("Z_STOCK", stockLiteral)
    } else if !tracked {
      data.null("stock")
      data.string("Z_STOCK", "-")
    }
    return tracked
  }

  /// SM's family when one is configured for the Sage family; the Sage family in `Z_FAMILLE`.
  private func writeFamily(_ data: inout JSONObject, _ reader: inout RowValues) {
    let family = reader.listValue(columns[.family])
    if !family.isEmpty && !tables.productFamilyIds.isEmpty {
      if let familyId = tables.productFamilyIds[LabelKey.normalise(family)] {
        data.integer("familyId", familyId)
      } else {
        reader.warning(
          .unmappedValue, ArticleColumn.family.field,
          Message(.familyUnmapped), family)
      }
    }
    data.string("Z_FAMILLE", family)
  }

  /// Tax, unit, brand, stock and web extras, the flags and the creation date.
  private func writeExtras(
    _ data: inout JSONObject, _ reader: inout RowValues, tracked: Bool,
    availability: Availability
  ) {
    let encoding = reader.row.encoding
    reader.number(&data, "Z_PRIX_TTC", columns[.priceWithTax], ArticleColumn.priceWithTax.field)
    reader.number(&data, "Z_TAUX_TVA", columns[.vatRate], ArticleColumn.vatRate.field)
    data.text("Z_CODE_TVA", reader.rawListValue(columns[.vatCode]), encoding: encoding)
    data.text("Z_UNITE", reader.rawListValue(columns[.unit]), encoding: encoding)
    data.text("Z_MARQUE", reader.rawListValue(columns[.brand]), encoding: encoding)
    data.text("Z_CATEGORIE", reader.rawListValue(columns[.category]), encoding: encoding)
    data.text("Z_CODE_BARRE", reader.raw(columns[.barcode]), encoding: encoding)
    reader.number(
      &data, "Z_STOCK_MINIMUM", columns[.minimumStock], ArticleColumn.minimumStock.field)
    data.bool("Z_SUIVI_STOCK", tracked)
    data.bool("Z_BLOQUE", availability.blocked)
    data.bool("Z_MIS_EN_SOMMEIL", availability.dormant)
    data.bool("Z_INUTILISE", availability.unused)
    data.bool("Z_PUBLIABLE_WEB", reader.boolean(columns[.onWeb], ArticleColumn.onWeb.field))
    reader.date(&data, "Z_DATE_CREATION", columns[.createdOn], ArticleColumn.createdOn.field)
  }
}
