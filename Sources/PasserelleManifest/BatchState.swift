public enum BatchState: String, Sendable, Codable, CaseIterable {
  case done
  case rejected
  case duplicate
}
