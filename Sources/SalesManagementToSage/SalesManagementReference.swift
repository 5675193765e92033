import Foundation
import PasserelleCore
import PasserelleReading

/// How a Sales Management record points to another record (`docs/exchange-contract.md`):
/// SM's integer id, `{"id": …, "value": …}`, or the external id (the Sage code).
package enum SalesManagementReference: Sendable, Equatable {
  case none
  case id(Int)
  case extId(String)

  /// Reads `idKey` (an id or an object with an id) and `extIdKey`; the external id
  /// wins when both are there, as it needs no translation.
  static func read(_ object: [String: Any], id idKey: String, extId extIdKey: String)
    -> SalesManagementReference
  {
    if let code = object[extIdKey] as? String,
      !code.trimmingCharacters(in: .whitespaces).isEmpty
    {
      return .extId(code.trimmingCharacters(in: .whitespaces))
    }
    if let id = integer(object[idKey]) { return .id(id) }
    if let nested = object[idKey] as? [String: Any], let id = integer(nested["id"]) {
      return .id(id)
    }
    return .none
  }

  /// JSON `true` or `false` (which Foundation also lets read as a number).
  static func isBoolean(_ value: Any) -> Bool {
    guard let number = value as? NSNumber else { return false }
    return String(cString: number.objCType) == "c"
  }

  /// A JSON number (which Foundation may also let read as text).
  static func isNumber(_ value: Any) -> Bool { value is NSNumber }

  static func integer(_ value: Any?) -> Int? {
    if let number = value as? NSNumber {
      let double = number.doubleValue
      guard double == double.rounded(), abs(double) < 1e15 else { return nil }
      return Int(double)
    }
    if let text = value as? String { return Int(text.trimmingCharacters(in: .whitespaces)) }
    return nil
  }
}
