import PasserelleCore

/// The header of a Sales Management payload file (`docs/exchange-contract.md`).
public struct PayloadHeader: Sendable {
  public var batch: String
  public var resource: String
  public var sourceFile: String
  public var sourceSHA256: String
  public var sourceEntity: String
  public var createdAt: String

  public static let format = "passerelle.salesmanagement.v1"

  package init(
    batch: String, resource: String, sourceFile: String, sourceSHA256: String,
    sourceEntity: String, createdAt: String
  ) {
    self.batch = batch
    self.resource = resource
    self.sourceFile = sourceFile
    self.sourceSHA256 = sourceSHA256
    self.sourceEntity = sourceEntity
    self.createdAt = createdAt
  }
}
