package enum SalesRepReference: Sendable, Equatable {
  case none
  case mapped(Int)
  case unmapped(String)
}
