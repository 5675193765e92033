import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// Where one batch writes: payload files per SM resource and the reject report,
/// each under a temporary name until the manifest commits.
struct ConversionOutputs {
  let batch: String
  let sourceName: String
  let sha256: String
  let payloadFolder: String
  let reportFolder: String
  let createdAt: Date
  /// The language of the reject report's messages.
  let reportLanguage: ReportLanguage

  var reportName: String { "\(batch)-\(OutputName.safe(sourceName)).rejects.csv" }
  var reportTemporary: String { "\(reportFolder)/.\(reportName).tmp" }
  var reportOutput: BatchOutput {
    BatchOutput(
      kind: "report", path: "\(reportFolder)/\(reportName)", temporaryPath: reportTemporary)
  }

  func payload(resource: String, entity: String) throws -> PayloadFile {
    let name = "\(batch)-\(resource).json"
    let temporary = "\(payloadFolder)/.\(name).tmp"
    let writer = try PayloadWriter(
      path: temporary,
      header: PayloadHeader(
        batch: batch, resource: resource, sourceFile: sourceName, sourceSHA256: sha256,
        sourceEntity: entity, createdAt: Timestamp.iso(createdAt)))
    return PayloadFile(
      writer: writer, temporary: temporary, final: "\(payloadFolder)/\(name)")
  }
}
