import Foundation
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

extension ExportConversion {
  /// A row mapped on a worker thread, waiting for its turn with the manifest.
  struct PreparedRow: Sendable {
    var line: Int
    var record: MappedRecord
    /// Of the serialised data; nil when the row is rejected.
    var fingerprint: Fingerprint?
    /// The upsert's deterministic id, computed off the manifest's thread.
    var guid: String
    /// Fingerprints and guids of the record's companions, in their order, when they
    /// were mapped.
    var companionDigests: [(fingerprint: Fingerprint?, guid: String)] = []
    /// Of the source row, kept when the row may be recognised next time.
    var rowFingerprint: Fingerprint? = nil
    /// Set when the row was recognised as unchanged and not mapped: the manifest's
    /// records of it and of its companions, as the mapping thread read them, which
    /// with its line is all the manifest's thread needs of the row
    /// (`consumeRecognised`). Nothing else is set then.
    var lastSent: UnchangedRows.LastSent? = nil

    /// A row recognised as unchanged.
    init(line: Int, lastSent: UnchangedRows.LastSent) {
      self.line = line
      record = MappedRecord(key: "", data: .absent, salesRep: .none, issues: [])
      guid = ""
      self.lastSent = lastSent
    }

    init(
      line: Int, record: MappedRecord, fingerprint: Fingerprint?, guid: String,
      companionDigests: [(fingerprint: Fingerprint?, guid: String)] = []
    ) {
      self.line = line
      self.record = record
      self.fingerprint = fingerprint
      self.guid = guid
      self.companionDigests = companionDigests
    }
  }
}
