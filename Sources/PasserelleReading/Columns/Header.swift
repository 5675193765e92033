import PasserelleCore

/// Where each label sits in one file's header.
public struct Header: Sendable {
  public let labels: [String]
  private let positions: [String: Int]

  public init(labels: [String]) {
    self.labels = labels
    var positions: [String: Int] = [:]
    for (index, label) in labels.enumerated() {
      let key = LabelKey.normalise(label)
      if positions[key] == nil { positions[key] = index }
    }
    self.positions = positions
  }

  public func column(_ field: FieldLabel) -> Int? {
    for key in field.keys { if let index = positions[key] { return index } }
    return nil
  }

  public func contains(_ field: FieldLabel) -> Bool { column(field) != nil }
}
