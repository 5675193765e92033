import PasserelleCore

package struct ReadLimits: Sendable, Equatable {
  package var maxFileBytes: Int = 2 << 30
  package var maxFieldBytes: Int = 1 << 20
  package var maxRecordBytes: Int = 4 << 20
  package var maxColumns: Int = 1_000
  package var maxRecords: Int = 10_000_000
  package var maxXMLDepth: Int = 32

  package init() {}
}
