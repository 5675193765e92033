import PasserelleCore

/// The header of a Sales Management payload file (`docs/exchange-contract.md`).
package struct PayloadHeader: Sendable {
  package var batch: String
  package var resource: String
  package var sourceFile: String
  package var sourceSHA256: String
  package var sourceEntity: String
  package var createdAt: String

  package static let format = "passerelle.salesmanagement.v1"

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
