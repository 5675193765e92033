import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// The reject report of a batch, opened at its first issue.
final class ReportFile {
  let outputs: ConversionOutputs
  private var writer: RejectReportWriter? = nil
  private(set) var warnings = 0

  init(outputs: ConversionOutputs) { self.outputs = outputs }

  func note(_ issue: RowIssue) throws {
    if writer == nil {
      writer = try RejectReportWriter(
        path: outputs.reportTemporary, language: outputs.reportLanguage)
    }
    try writer!.write(issue)
    if issue.severity == .warning { warnings += 1 }
  }

  func finish() throws -> BatchOutput? {
    guard let writer else { return nil }
    try writer.close()
    return outputs.reportOutput
  }
}
