import SageToSalesManagement
import Testing

/// Who a record's SM rep is when Sage names none, or one SM does not know.
@Suite struct SalesRepAssignmentTests {
  @Test func theAdminIsAssignedOnlyAtCreation() {
    let created = SalesRepAssignment.adminUserId(
      for: .none, isNewInSalesManagement: true, salesRepKnownEmpty: false, adminUserId: 7)
    let existing = SalesRepAssignment.adminUserId(
      for: .unmapped("R09"), isNewInSalesManagement: false, salesRepKnownEmpty: false,
      adminUserId: 7)
    let knownEmpty = SalesRepAssignment.adminUserId(
      for: .none, isNewInSalesManagement: false, salesRepKnownEmpty: true, adminUserId: 7)
    let mapped = SalesRepAssignment.adminUserId(
      for: .mapped(3), isNewInSalesManagement: true, salesRepKnownEmpty: true, adminUserId: 7)
    #expect(created == 7)
    #expect(existing == nil)
    #expect(knownEmpty == 7)
    #expect(mapped == nil)
  }
}
