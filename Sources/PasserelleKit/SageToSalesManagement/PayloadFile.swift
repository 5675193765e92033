import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// One payload being written, and the operations to drop from it at the end.
final class PayloadFile {
  let writer: PayloadWriter
  let temporary: String
  let final: String
  var removed = Set<Int>()

  init(writer: PayloadWriter, temporary: String, final: String) {
    self.writer = writer
    self.temporary = temporary
    self.final = final
  }

  /// Closes the file; the output to publish, or nil when it holds no operation.
  func finish() throws -> BatchOutput? {
    try writer.close()
    var operations = writer.operationCount
    if !removed.isEmpty {
      let filtered = temporary + ".filtered"
      operations = try PayloadFilter.copy(temporary, to: filtered, skipping: removed)
      try FileSystem.rename(filtered, to: temporary)
    }
    guard operations > 0 else {
      FileSystem.remove(temporary)
      return nil
    }
    return BatchOutput(kind: "payload", path: final, temporaryPath: temporary)
  }
}
