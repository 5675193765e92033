import PasserelleCore

public struct ReadLimits: Sendable, Equatable {
  public var maxFileBytes: Int = 2 << 30
  public var maxFieldBytes: Int = 1 << 20
  public var maxRecordBytes: Int = 4 << 20
  public var maxColumns: Int = 1_000
  public var maxRecords: Int = 10_000_000
  public var maxXMLDepth: Int = 32

  public init() {}
}
