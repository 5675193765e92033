import PasserelleCore
import PasserelleReading

/// Customer-specific translations from Sage values to Sales Management ids
/// (value lists differ per SM account, so they are configuration).
public struct SalesManagementTables: Sendable, Equatable {
  /// ISO 3166 alpha-2 code → SM `countryId`.
  public var countryIds: [String: Int] = [:]
  /// Sage customer type label (as normalised by `LabelKey`) → SM `typeId`.
  public var accountTypeIds: [String: Int] = [:]
  /// The SM user given records that have no representative, only at creation.
  public var adminUserId: Int? = nil
  /// SM `branchId`, required by SM when an account is created.
  public var branchId: Int? = nil
  /// SM `typeId` of prospects; without it the nature travels in `Z_NATURE` only.
  public var prospectTypeId: Int? = nil
  /// Sage article family (as normalised by `LabelKey`) → SM product `familyId`.
  public var productFamilyIds: [String: Int] = [:]
  /// E-mail (lowercased) → SM user id, for users SM already has: a Sage
  /// representative with that e-mail is the same person.
  public var userIdsByEmail: [String: Int] = [:]

  public init() {}
}
