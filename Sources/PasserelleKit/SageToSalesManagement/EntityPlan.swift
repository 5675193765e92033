import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// How one keyed entity (a record per row) travels: its mapping, its manifest
/// kind and owner, and what becomes of a record gone from Sage.
struct EntityPlan: Sendable {
  var entity: SageEntity
  /// The manifest's kind: deletions are found among records of this kind only.
  var kind: String
  /// `sage` for records only Sage may change, `shared` for those SM may edit too.
  var owner: String
  var keyLabel: FieldLabel
  /// markDeleted, or deactivate for users.
  var removal: PayloadOperation.Action
  var map: @Sendable (SourceRow, [String: Int]) -> MappedRecord
  /// The manifest kind of the main contacts company rows carry, if any.
  var companionKind: String?

  static func make(_ entity: SageEntity, header: Header, tables: SalesManagementTables)
    -> EntityPlan
  {
    switch entity {
    case .customers, .prospects:
      let kind: CompanyKind = entity == .customers ? .customer : .prospect
      let mapping = CustomerMapping(header: header, tables: tables, kind: kind)
      return EntityPlan(
        entity: entity, kind: kind.rawValue, owner: kind == .customer ? "sage" : "shared",
        keyLabel: entity == .prospects && header.contains(ProspectColumn.code.field)
          ? ProspectColumn.code.field : CustomerColumn.code.field,
        removal: .markDeleted, map: { row, users in mapping.map(row, userId: { users[$0] }) },
        companionKind: header.contains(MainContactColumn.name.field)
          ? "\(kind.rawValue)-contact" : nil)
    case .contacts:
      let mapping = ContactMapping(header: header)
      return EntityPlan(
        entity: entity, kind: "contact", owner: "shared", keyLabel: ContactColumn.code.field,
        removal: .markDeleted, map: { row, _ in mapping.map(row) }, companionKind: nil)
    case .articles:
      let mapping = ArticleMapping(header: header, tables: tables)
      return EntityPlan(
        entity: entity, kind: "article", owner: "sage", keyLabel: ArticleColumn.code.field,
        removal: .markDeleted, map: { row, _ in mapping.map(row) }, companionKind: nil)
    case .representatives:
      let mapping = RepresentativeMapping(header: header)
      return EntityPlan(
        entity: entity, kind: "representative", owner: "sage",
        keyLabel: RepresentativeColumn.code.field,
        removal: .deactivate, map: { row, _ in mapping.map(row) }, companionKind: nil)
    case .documents:
      preconditionFailure("documents are converted by DocumentConversion")
    }
  }
}
