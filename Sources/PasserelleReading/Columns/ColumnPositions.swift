/// Where each column of a table sits in one file's header (nil: not exported).
package struct ColumnPositions<Table: ColumnTable>: Sendable {
  private let positions: [Int?]

  package init(_ header: Header) {
    var positions = [Int?](repeating: nil, count: Table.allCases.count)
    for column in Table.allCases { positions[column.rawValue] = header.column(column.field) }
    self.positions = positions
  }

  package subscript(_ column: Table) -> Int? { positions[column.rawValue] }
}
