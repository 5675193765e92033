import PasserelleCore
import PasserelleReading

/// Customer-specific translations from Sage values to Sales Management ids
/// (value lists differ per SM account, so they are configuration).
package struct SalesManagementTables: Sendable, Equatable {
  /// ISO 3166 alpha-2 code → SM `countryId`.
  package var countryIds: [String: Int] = [:]
  /// Sage customer type label (as normalised by `LabelKey`) → SM `typeId`.
  package var accountTypeIds: [String: Int] = [:]
  /// The SM user given records that have no representative, only at creation.
  package var adminUserId: Int? = nil
  /// SM `branchId`, required by SM when an account is created.
  package var branchId: Int? = nil
  /// SM `typeId` of prospects; without it the nature travels in `Z_NATURE` only.
  package var prospectTypeId: Int? = nil
  /// Sage article family (as normalised by `LabelKey`) → SM product `familyId`.
  package var productFamilyIds: [String: Int] = [:]
  /// E-mail (lowercased) → SM user id, for users SM already has: a Sage
  /// representative with that e-mail is the same person.
  package var userIdsByEmail: [String: Int] = [:]

  package init() {}
}
