import PasserelleCore

/// Where each label sits in one file's header.
package struct Header: Sendable {
  package let labels: [String]
  private let positions: [String: Int]

  package init(labels: [String]) {
    self.labels = labels
    var positions: [String: Int] = [:]
    for (index, label) in labels.enumerated() {
      let key = LabelKey.normalise(label)
      if positions[key] == nil { positions[key] = index }
    }
    self.positions = positions
  }

  package func column(_ field: FieldLabel) -> Int? {
    for key in field.keys { if let index = positions[key] { return index } }
    return nil
  }

  package func contains(_ field: FieldLabel) -> Bool { column(field) != nil }
}
