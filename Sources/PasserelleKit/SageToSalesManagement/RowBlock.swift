import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// Rows of a file handed from the reading thread to a mapping thread. Rows are
/// taken over from the reader by exchanging buffers, and recycled once mapped.
final class RowBlock: @unchecked Sendable {
  let sequence: Int
  fileprivate(set) var rows: [SourceRow]

  init(sequence: Int, rows: [SourceRow]) {
    self.sequence = sequence
    self.rows = rows
  }
}
