/// The columns of one Sage export, one case each. A mapping finds them in a
/// file's header once (`ColumnPositions`), then reads each row by case.
package protocol ColumnTable: CaseIterable, Sendable, RawRepresentable where RawValue == Int {
  /// Every column's declaration, in case order: built once, then read on every row
  /// (a declaration built on each access would allocate its aliases each time).
  static var columns: [Column] { get }
}

extension ColumnTable {
  package var column: Column { Self.columns[rawValue] }
  package var field: FieldLabel { column.field }
  package var label: String { column.field.label }
}
