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

  /// A narrower row after a wider one is fingerprinted over its own values only,
  /// after the same context.
  @Test func aNarrowerRowAfterAWiderOneGivesItsOwnFingerprint() {
    let fingerprinter = RowFingerprinter(context: [1, 2, 3])
    let wide = ["C1", "Martin", "Lyon", "69001", "France", "", "x"]
    _ = fingerprinter.fingerprint(ExportRow(labels: labels, values: wide).row)
    let narrow = ExportRow(labels: labels, values: ["C1", "Martin", "Lyon"]).row
    #expect(fingerprinter.fingerprint(narrow) == print(["C1", "Martin", "Lyon"]))
  }

  /// Values of 64 KiB and more have their offsets laid out in 32 bits instead of
  /// 16: such a row is still told from one split differently, and the scratch space
  /// grown for it keeps the context for the rows after it.
  @Test func aRowPast64KiBIsFingerprintedWholeAndKeepsTheContext() {
    let fingerprinter = RowFingerprinter(context: [1, 2, 3])
    let long = String(repeating: "x", count: 70_000)
    let first = fingerprinter.fingerprint(ExportRow(labels: labels, values: ["C1", long]).row)
    #expect(first == print(["C1", long]))
    #expect(first != print(["C1", long + "y"]))
    #expect(first != print(["C1x", String(long.dropFirst())]))
    // Offsets past 65,535 kept in 16 bits would make these two rows one: the ends
    // 1 and 65,538 against 65,537 and 65,538 would both read 1 and 2.
    let x = String(repeating: "x", count: 65_537)
    #expect(print(["x", x]) != print([x, "x"]))
    let small = ExportRow(labels: labels, values: ["C1", "Martin", "Lyon"]).row
    #expect(fingerprinter.fingerprint(small) == print(["C1", "Martin", "Lyon"]))
  }

  /// Values set column by column in another order than the columns' (an XML
  /// record's) do not follow one another: where each starts is laid out too, and
  /// the same values under other columns are another row.
  @Test func valuesSetOutOfOrderAreToldApart() {
    func record(_ values: [(column: Int, text: String)]) -> SourceRow {
      let row = SourceRow(encoding: .utf8)
      row.clear(columns: 3)
      for (column, text) in values {
        Array(text.utf8).withUnsafeBytes { row.setField(column, $0) }
      }
      return row
    }
    let fingerprinter = RowFingerprinter(context: [1, 2, 3])
    let inOrder = fingerprinter.fingerprint(record([(0, "xy"), (1, "zw"), (2, "")]))
    #expect(inOrder == print(["xy", "zw", ""]))
    let swapped = fingerprinter.fingerprint(record([(1, "xy"), (0, "zw"), (2, "")]))
    #expect(swapped != inOrder)
    #expect(swapped == fingerprinter.fingerprint(record([(1, "xy"), (0, "zw"), (2, "")])))
    // The same bytes, each value ending at the same offset: "b" is the third
    // column's in one, the second's in the other.
    #expect(
      fingerprinter.fingerprint(record([(0, "a"), (2, "b"), (1, "")]))
        != fingerprinter.fingerprint(record([(0, "a"), (1, "b"), (2, "")])))
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
