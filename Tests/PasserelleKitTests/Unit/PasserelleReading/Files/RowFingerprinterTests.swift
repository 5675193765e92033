import Foundation
import PasserelleCore
import Testing

@testable import PasserelleReading

/// A row's fingerprint tells an edited row from the one exported before, under the
/// same mapping context, and nothing else.
@Suite struct RowFingerprinterTests {
  let labels = ["Code", "Nom", "Ville"]

  func print(_ values: [String], context: [UInt8] = [1, 2, 3]) -> Fingerprint {
    RowFingerprinter(context: context).fingerprint(ExportRow(labels: labels, values: values).row)
  }

  @Test func theSameRowUnderTheSameContextGivesTheSameFingerprint() {
    let fingerprinter = RowFingerprinter(context: [1, 2, 3])
    let row = ExportRow(labels: labels, values: ["C1", "Martin", "Lyon"]).row
    let first = fingerprinter.fingerprint(row)
    // Reused for the next row, it starts afresh.
    _ = fingerprinter.fingerprint(ExportRow(labels: labels, values: ["C2", "Durand", "Caen"]).row)
    #expect(fingerprinter.fingerprint(row) == first)
    #expect(print(["C1", "Martin", "Lyon"]) == first)
  }

  /// Its scratch space grows to the widest row: a narrower row after it is
  /// fingerprinted over its own values only.
  @Test func aNarrowerRowAfterAWiderOneGivesItsOwnFingerprint() {
    let fingerprinter = RowFingerprinter(context: [1, 2, 3])
    let wide = ["C1", "Martin", "Lyon", "69001", "France", "", "x"]
    _ = fingerprinter.fingerprint(ExportRow(labels: labels, values: wide).row)
    let narrow = ExportRow(labels: labels, values: ["C1", "Martin", "Lyon"]).row
    #expect(fingerprinter.fingerprint(narrow) == print(["C1", "Martin", "Lyon"]))
  }

  @Test func anEditedValueChangesIt() {
    #expect(print(["C1", "Martin", "Lyon"]) != print(["C1", "Martin", "Lyons"]))
    #expect(print(["C1", "Martin", "Lyon"]) != print(["C1", "Martin", ""]))
  }

  /// The same bytes split differently between columns are another row.
  @Test func movingTheBoundaryBetweenTwoValuesChangesIt() {
    #expect(print(["C1", "Martin", "Lyon"]) != print(["C1", "MartinL", "yon"]))
    #expect(print(["C1", "Martin", "Lyon"]) != print(["C1", "Martin", "Lyon", ""]))
  }

  @Test func anotherContextChangesIt() {
    #expect(
      print(["C1", "Martin", "Lyon"], context: [1])
        != print(["C1", "Martin", "Lyon"], context: [2]))
  }
}
