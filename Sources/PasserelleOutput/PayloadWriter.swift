import PasserelleCore

/// Streams a payload file: the header, then one operation per line, in source
/// order. The file is written under a temporary name by the caller and renamed
/// only once the manifest has committed the batch.
package final class PayloadWriter {
  private let output: OutputFile
  package private(set) var operationCount = 0

  package init(path: String, header: PayloadHeader) throws {
    output = try OutputFile(path: path)
    try output.writeBehind()
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

  /// Writes the operation straight into the file's buffer: payloads are the
  /// largest outputs, and each operation went through a buffer of its own first.
  package func write(_ operation: PayloadOperation) throws {
    let first = operationCount == 0
    try output.append { buffer in
      JSONBytes.appending(to: &buffer) { json in Self.write(operation, first: first, to: &json) }
    }
    operationCount += 1
  }

  private static func write(_ operation: PayloadOperation, first: Bool, to json: inout JSONBytes) {
    json.raw(first ? "\n    " : ",\n    ")
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
  }

  package func close() throws {
    try output.write(operationCount == 0 ? "]\n}\n" : "\n  ]\n}\n")
    try output.close()
  }
}
