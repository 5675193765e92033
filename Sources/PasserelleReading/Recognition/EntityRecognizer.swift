import PasserelleCore

/// Tells which export a header belongs to. Each signature needs its key labels
/// and enough of the labels only that export has, so that a customers export
/// is never mistaken for a prospects or contacts list. Signatures are tried in
/// order: the more specific first.
package enum EntityRecognizer {
  struct Signature {
    let entity: SageEntity
    let required: [FieldLabel]
    let distinctive: [FieldLabel]
    let minimumDistinctive: Int
  }

  static let signatures: [Signature] = [
    Signature(
      entity: .documents,
      required: [DocumentColumn.lineType.field, DocumentColumn.documentType.field],
      distinctive: [
        DocumentColumn.number.field, DocumentColumn.article.field, DocumentColumn.quantity.field,
      ],
      minimumDistinctive: 2),
    Signature(
      entity: .prospects,
      required: requiredFields(of: ProspectColumn.self),
      distinctive: [
        CustomerColumn.company.field, CustomerColumn.name.field, ProspectColumn.prospectType.field,
      ],
      minimumDistinctive: 1),
    Signature(
      entity: .prospects,
      required: [CustomerColumn.code.field, ProspectColumn.prospectType.field],
      distinctive: [CustomerColumn.company.field, CustomerColumn.name.field],
      minimumDistinctive: 1),
    Signature(
      entity: .customers,
      required: requiredFields(of: CustomerColumn.self),
      distinctive: [
        CustomerColumn.customerFamily.field, CustomerColumn.customerType.field,
        CustomerColumn.miscellaneous.field, CustomerColumn.creditLimit.field,
        CustomerColumn.accountingAccount.field, CustomerColumn.vatMode.field,
        CustomerColumn.priceList.field, CustomerColumn.company.field, CustomerColumn.blocked.field,
      ],
      minimumDistinctive: 2),
    Signature(
      entity: .articles,
      required: requiredFields(of: ArticleColumn.self),
      distinctive: [
        ArticleColumn.price.field, ArticleColumn.priceWithTax.field, ArticleColumn.vatRate.field,
        ArticleColumn.tracksStock.field, ArticleColumn.stock.field, ArticleColumn.family.field,
        ArticleColumn.barcode.field,
      ],
      minimumDistinctive: 1),
    Signature(
      entity: .contacts,
      required: requiredFields(of: ContactColumn.self),
      distinctive: [
        ContactColumn.firstName.field, ContactColumn.code.field, ContactColumn.civility.field,
        ContactColumn.role.field,
      ],
      minimumDistinctive: 1),
    Signature(
      entity: .representatives,
      required: requiredFields(of: RepresentativeColumn.self),
      distinctive: [
        RepresentativeColumn.commission.field, RepresentativeColumn.region.field,
        RepresentativeColumn.role.field,
      ],
      minimumDistinctive: 1),
  ]

  /// The columns a table declares required: a header without them is not that export.
  static func requiredFields<Table: ColumnTable>(of table: Table.Type) -> [FieldLabel] {
    Table.allCases.filter(\.column.isRequired).map(\.field)
  }

  package static func recognise(_ header: Header) -> SageEntity? {
    for signature in signatures {
      guard signature.required.allSatisfy(header.contains) else { continue }
      let found = signature.distinctive.filter(header.contains).count
      if found >= signature.minimumDistinctive { return signature.entity }
    }
    return nil
  }
}
