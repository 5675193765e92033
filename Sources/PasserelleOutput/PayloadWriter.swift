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

/// One operation of a payload.
public struct PayloadOperation {
  public enum Action: String, Sendable {
    case upsert
    case markDeleted
    case deactivate
  }

  package var action: Action
  package var guid: String
  package var extId: String
  package var id: Int?
  /// The serialised `data` object, when the action carries one.
  package var data: [UInt8]?
  /// Serialised members beside `data` (`"picture": {…}`, `"lines": […]`).
  package var extra: [UInt8]? = nil

  package init(
    action: Action, guid: String, extId: String, id: Int? = nil, data: [UInt8]? = nil,
    extra: [UInt8]? = nil
  ) {
    self.action = action
    self.guid = guid
    self.extId = extId
    self.id = id
    self.data = data
    self.extra = extra
  }
}

/// Streams a payload file: the header, then one operation per line, in source
/// order. The file is written under a temporary name by the caller and renamed
/// only once the manifest has committed the batch.
package final class PayloadWriter {
  private let output: OutputFile
  package private(set) var operationCount = 0
  private var json = JSONBytes(capacity: 1 << 12)

  package init(path: String, header: PayloadHeader) throws {
    output = try OutputFile(path: path)
    var head = JSONBytes()
    head.raw("{\n  \"format\": ")
    head.string(PayloadHeader.format)
    head.raw(",\n  \"batch\": ")
    head.string(header.batch)
    head.raw(",\n  \"entity\": ")
    head.string(header.resource)
    head.raw(",\n  \"source\": { \"file\": ")
    head.string(header.sourceFile)
    head.raw(", \"sha256\": ")
    head.string(header.sourceSHA256)
    head.raw(", \"entity\": ")
    head.string(header.sourceEntity)
    head.raw(" },\n  \"createdAt\": ")
    head.string(header.createdAt)
    head.raw(",\n  \"operations\": [")
    try output.write(head.bytes)
  }

  var path: String { output.path }

  package func write(_ operation: PayloadOperation) throws {
    json.bytes.removeAll(keepingCapacity: true)
    json.raw(operationCount == 0 ? "\n    " : ",\n    ")
    json.raw("{\"action\": ")
    json.string(operation.action.rawValue)
    json.raw(", \"guid\": ")
    json.string(operation.guid)
    json.raw(", \"extId\": ")
    json.string(operation.extId)
    if let id = operation.id {
      json.raw(", \"id\": ")
      json.integer(id)
    }
    if let data = operation.data {
      json.raw(", \"data\": ")
      json.raw(data)
    }
    if let extra = operation.extra {
      json.raw(", ")
      json.raw(extra)
    }
    json.raw("}")
    try output.write(json.bytes)
    operationCount += 1
  }

  package func close() throws {
    try output.write(operationCount == 0 ? "]\n}\n" : "\n  ]\n}\n")
    try output.close()
  }
}
