@testable import FuzzSupport
@testable import PasserelleCore
@testable import PasserelleReading
@testable import SalesManagementToSage

/// Sales Management's files: the record scanner and the typed reading of each
/// record as an account, a contact and a quote, on any bytes.
FuzzDriver.run { data, size in
  guard let data else { return 0 }
  let path = FuzzInput.file(data, size, suffix: ".json")
  _ = FuzzInput.rejection {
    try JSONRecordReader(path: path, limits: FuzzInput.limits).read { record in
      _ = SalesManagementRecord(record.object, resource: .accounts, line: record.line)
      _ = SalesManagementRecord(record.object, resource: .contacts, line: record.line)
      _ = SalesManagementQuote(record.object, line: record.line)
    }
  }
  return 0
}
