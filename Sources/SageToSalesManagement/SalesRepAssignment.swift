import PasserelleCore
import PasserelleReading

/// The admin-assignment rule of `docs/sync-rules.md`: a record with no usable Sage
/// representative gets the configured admin user only when SM has nobody on it
/// (the record is being created, or SM's rep is known to be empty). An existing
/// assignment in SM is never overwritten with the admin.
package enum SalesRepAssignment {
  package static func adminUserId(
    for reference: SalesRepReference, isNewInSalesManagement: Bool,
    salesRepKnownEmpty: Bool, adminUserId: Int?
  ) -> Int? {
    if case .mapped = reference { return nil }
    guard let adminUserId, isNewInSalesManagement || salesRepKnownEmpty else { return nil }
    return adminUserId
  }
}
