import PasserelleCore
import PasserelleReading

/// Reads and checks the values of one row, collecting issues with the row's line,
/// key and field label, so that every mapping reports problems the same way.
package struct RowValues {
  let row: SourceRow
  var key: String
  var issues: [RowIssue] = []

  init(row: SourceRow, key: String) {
    self.row = row
    self.key = key
  }

  var hasError: Bool { issues.contains { $0.severity == .error } }

  /// Reads the record's Sage code into `key`, with the errors every keyed entity
  /// shares: no code, or one longer than the target allows (never truncated).
  mutating func readKey(
    _ column: Int?, _ field: @autoclosure () -> FieldLabel, noun: MessageKey, maximumLength: Int
  ) -> String {
    let code = text(column)
    key = code
    if code.isEmpty {
      error(.missingKey, field(), Message(.missingCode, ["record": .message(Message(noun))]), "")
    } else if code.count > maximumLength {
      error(
        .keyTooLong, field(),
        Message(.codeTooLong, ["count": .number(code.count), "limit": .number(maximumLength)]), code
      )
    }
    return code
  }

  func text(_ column: Int?) -> String {
    guard let column else { return "" }
    return row.text(column)
  }

  /// The trimmed bytes of a column, for values copied as they are (valid during the visit).
  func raw(_ column: Int?) -> UnsafeRawBufferPointer {
    guard let column else { return none }
    return row.trimmed(column)
  }

  var none: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: nil, count: 0) }

  /// A value-list column's bytes, empty when Sage wrote "Aucun"/"Aucune".
  func rawListValue(_ column: Int?) -> UnsafeRawBufferPointer {
    let value = raw(column)
    return FrenchValue.isNone(value) ? none : value
  }

  /// A value-list column, where Sage writes "Aucun"/"Aucune" for none.
  func listValue(_ column: Int?) -> String {
    let value = text(column)
    return FrenchValue.isNone(value) ? "" : value
  }

  mutating func error(_ code: ReasonCode, _ field: FieldLabel, _ message: Message, _ value: String)
  {
    issues.append(
      RowIssue(
        line: row.line, key: key, field: field.label, severity: .error, code: code,
        message: message, value: value))
  }

  mutating func warning(
    _ code: ReasonCode, _ field: FieldLabel, _ message: Message, _ value: String
  ) {
    issues.append(
      RowIssue(
        line: row.line, key: key, field: field.label, severity: .warning, code: code,
        message: message, value: value))
  }

  /// A column's value checked from its UTF-8 bytes; nil when the column is empty.
  /// ASCII values (most) are checked where they lie in the row, others once decoded.
  func checked<Result>(_ column: Int?, _ check: (UnsafeBufferPointer<UInt8>) -> Result)
    -> Result?
  {
    let value = raw(column)
    if value.isEmpty { return nil }
    if ByteWord.isASCII(value) { return value.withMemoryRebound(to: UInt8.self, check) }
    var decoded = text(column)
    return decoded.withUTF8(check)
  }

  /// An identifier's normalised value; "" with a warning (`code`) when it does not check.
  private mutating func identifier(
    _ column: Int?, _ code: ReasonCode, _ field: @autoclosure () -> FieldLabel,
    _ check: (UnsafeBufferPointer<UInt8>) -> ValueCheck
  ) -> String {
    switch checked(column, check) {
    case nil: return ""
    case .valid(let value)?: return value
    case .invalid(let reason)?:
      warning(code, field(), Message(.valueLeftOut, ["reason": .message(reason)]), text(column))
      return ""
    }
  }

  mutating func phone(_ column: Int?, _ field: @autoclosure () -> FieldLabel, _ countryISO: String)
    -> String
  {
    identifier(column, .invalidPhone, field()) {
      FrenchIdentifier.phone($0, countryISO: countryISO)
    }
  }

  mutating func email(_ column: Int?, _ field: @autoclosure () -> FieldLabel) -> String {
    identifier(column, .invalidEmail, field(), FrenchIdentifier.email)
  }

  mutating func siret(_ column: Int?) -> String {
    identifier(column, .invalidSIRET, CustomerColumn.siret.field, FrenchIdentifier.siret)
  }

  mutating func vatNumber(_ column: Int?) -> String {
    identifier(
      column, .invalidVATNumber, CustomerColumn.vatNumber.field, FrenchIdentifier.vatNumber)
  }

  mutating func boolean(_ column: Int?, _ field: @autoclosure () -> FieldLabel) -> Bool {
    switch checked(column, FrenchValue.boolean) {
    case nil: return false
    case let flag??: return flag
    case .some(nil):
      warning(.badNumber, field(), Message(.notYesNo), text(column))
      return false
    }
  }

  mutating func number(
    _ data: inout JSONObject, _ name: StaticString, _ column: Int?,
    _ field: @autoclosure () -> FieldLabel
  ) {
    switch checked(column, FrenchValue.decimalLiteral) {
    case nil: return
    case let literal??: data.number(name, literal: literal)
    case .some(nil): warning(.badNumber, field(), Message(.notANumberLeftOut), text(column))
    }
  }

  mutating func date(
    _ data: inout JSONObject, _ name: StaticString, _ column: Int?,
    _ field: @autoclosure () -> FieldLabel
  ) {
    switch checked(column, FrenchValue.date) {
    case nil: return
    case let date??: data.string(name, date.iso)
    case .some(nil): warning(.badDate, field(), Message(.notADateLeftOut), text(column))
    }
  }
}
