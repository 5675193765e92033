@testable import SalesManagementAPI

extension SalesManagementError {
  /// The case's name (`loginRefused`), for checks that ignore its text.
  var caseName: String {
    Mirror(reflecting: self).children.first?.label ?? "\(self)"
  }

  /// The HTTP status of a `refused`, nil for the other cases.
  var refusedStatus: Int? {
    if case .refused(let status, _, _) = self { return status }
    return nil
  }
}
