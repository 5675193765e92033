/// The fields `where` compares as dates.
enum DateField: String, CaseIterable, Sendable {
  case dateCreated
  case dateUpdated
  case dateDeleted
}
