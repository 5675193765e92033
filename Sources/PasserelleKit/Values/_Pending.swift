import Foundation

enum ValueCheck: Equatable, Sendable {
  case valid(String)
  case invalid(String)
}
struct CalendarDate: Hashable, Sendable {
  let year: Int, month: Int, day: Int
  var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
}
enum FrenchValue {
  static func isNone(_ text: String) -> Bool { ["aucun", "aucune"].contains(text.lowercased()) }
  static func boolean(_ text: String) -> Bool? {
    ["oui", "1"].contains(text.lowercased())
      ? true : ["", "non", "0"].contains(text.lowercased()) ? false : nil
  }
  static func decimal(_ text: String) -> Decimal? {
    Decimal(string: text.replacingOccurrences(of: ",", with: "."))
  }
  static func date(_ text: String) -> CalendarDate? { nil }
}
enum FrenchIdentifier {
  static func siret(_ raw: String) -> ValueCheck { .valid(raw) }
  static func vatNumber(_ raw: String) -> ValueCheck { .valid(raw) }
  static func phone(_ raw: String, countryISO: String?) -> ValueCheck { .valid(raw) }
  static func email(_ raw: String) -> ValueCheck { .valid(raw) }
}
enum Countries { static func isoCode(for name: String) -> String? { "FR" } }
