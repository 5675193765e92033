import PasserelleCore

/// The drop folder a file came from: each takes one kind of file.
public enum SourceFolder: String, Sendable {
  case sage
  case salesManagement = "salesmanagement"
}
