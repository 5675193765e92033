/// SM's checks on a write: required fields, `extId` length, references to live records.
struct RecordValidator {
  let resource: Resource
  /// The one branch the emulator knows.
  let branchId: Int
  /// Whether the record of a resource with an id exists and is not deleted.
  let isLive: (Resource, Int) -> Bool

  /// A create must carry every required field.
  func checkCreate(_ fields: [String: JSONValue]) throws(APIError) {
    for field in resource.requiredFields where fields[field]?.isBlank ?? true {
      throw .badRequest("\(field) is required")
    }
    try checkValues(fields)
  }

  /// An update is checked on the keys it carries only.
  func checkUpdate(_ changes: [String: JSONValue]) throws(APIError) {
    for field in resource.requiredFields where changes[field]?.isBlank ?? false {
      throw .badRequest("\(field) is required")
    }
    try checkValues(changes)
  }

  private func checkValues(_ fields: [String: JSONValue]) throws(APIError) {
    if let limit = resource.maximumExtIdLength, let extId = fields["extId"]?.text,
      extId.count > limit
    {
      throw .badRequest("extId is too long (\(limit) max)")
    }
    if resource.hasBranch, let branch = fields["branchId"], !branch.isBlank,
      branch.integerValue != branchId
    {
      throw .badRequest("branchId \(branch.text ?? "value") does not exist")
    }
    for (field, target) in resource.references {
      guard let value = fields[field], value != .null else { continue }
      guard let id = value.integerValue, isLive(target, id) else {
        throw .badRequest("\(field) \(value.text ?? "value") does not exist")
      }
    }
  }
}
