import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SalesManagementToSage

/// What a prospects or contacts import sends back to SM (`docs/sync-rules.md`): the
/// code Sage will know a new record by, and Sage's values where a change conflicted.
/// The payload file is made with the first of them, so a file that needs none has none.
final class SharedRecordReplies {
  private let resource: SalesManagementRecord.Resource
  private let outputs: ConversionOutputs
  private let settings: Settings
  private let references: ReferenceLookup
  private var payload: PayloadFile? = nil

  init(
    resource: SalesManagementRecord.Resource, outputs: ConversionOutputs, settings: Settings,
    references: ReferenceLookup
  ) {
    self.resource = resource
    self.outputs = outputs
    self.settings = settings
    self.references = references
  }

  /// The SM update that sets the Sage code as the record's `extId`.
  func sendCode(_ code: String, to id: Int?) throws {
    var data = JSONBytes(capacity: 64)
    data.raw("{\"extId\": ")
    data.string(code)
    data.raw("}")
    try send(PayloadOperation(action: .upsert, guid: "", extId: code, id: id), data)
  }

  /// The SM update that gives the conflicting fields back Sage's values, which win.
  func sendSageValues(
    of conflicts: [SharedField], from sage: FieldSnapshot, code: String, to id: Int?
  ) throws {
    var data = JSONBytes(capacity: 256)
    data.raw("{\"extId\": ")
    data.string(code)
    for field in conflicts {
      let value = field.salesManagementValue(sage) ?? ""
      if let key = SalesManagementRecord.dataKey(field.key, resource: resource) {
        data.raw(", ")
        data.string(key)
        data.raw(": ")
        data.string(value)
      } else if let (key, id) = try referenceId(field, value) {
        data.raw(", ")
        data.string(key)
        data.raw(": ")
        data.integer(id)
      }
    }
    data.raw("}")
    try send(PayloadOperation(action: .upsert, guid: "", extId: code, id: id), data)
  }

  /// SM's id for a reference field's Sage value, when SM has one.
  private func referenceId(_ field: SharedField, _ value: String) throws -> (String, Int)? {
    switch field.key {
    case "country":
      guard let iso = Countries.isoCode(for: value), let id = settings.tables.countryIds[iso]
      else { return nil }
      return ("countryId", id)
    case "salesRep":
      guard case .known(let id?) = try references.find(resource: "users", code: value)
      else { return nil }
      return ("salesRepId1", id)
    case "company":
      guard case .known(let id?) = try references.find(resource: "accounts", code: value)
      else { return nil }
      return ("accountId", id)
    default: return nil
    }
  }

  private func send(_ operation: PayloadOperation, _ data: JSONBytes) throws {
    var operation = operation
    let digest = Digest.upsert(data.bytes)
    operation.guid = digest.guid
    operation.data = data.bytes
    if payload == nil {
      payload = try outputs.payload(resource: resource.rawValue, entity: resource.rawValue)
    }
    try payload!.writer.write(operation)
  }

  /// The payload, when anything was sent.
  func finish() throws -> BatchOutput? {
    try payload?.finish()
  }
}
