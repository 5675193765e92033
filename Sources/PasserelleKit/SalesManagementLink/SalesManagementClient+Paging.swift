import SalesManagementAPI

extension SalesManagementClient {
  /// Every record of `resource` matching `filter`, page after page. For small sets
  /// only (a quote's lines, a slice's lookups): large listings are read page by page.
  func listAll(_ resource: String, where filter: String) async throws(SalesManagementError)
    -> [JSONValue]
  {
    var records: [JSONValue] = []
    var page = 0
    while true {
      let answer = try await list(resource, where: filter, page: page)
      records += answer.records
      if answer.isLast { return records }
      page += 1
    }
  }
}
