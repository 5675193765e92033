/// One page of a list.
package struct SalesManagementPage: Sendable {
  /// The page's records, as SM sent them.
  package let records: [JSONValue]
  /// Whether no page follows: SM sent no `X-FM-Next-Page`, or fewer records than asked.
  package let isLast: Bool

  /// A page as the client read it.
  package init(records: [JSONValue], isLast: Bool) {
    self.records = records
    self.isLast = isLast
  }
}
