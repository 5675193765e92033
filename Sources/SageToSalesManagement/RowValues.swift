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

  mutating func phone(_ column: Int?, _ field: @autoclosure () -> FieldLabel, _ countryISO: String)
    -> String
  {
    let raw = text(column)
    if raw.isEmpty { return "" }
    switch FrenchIdentifier.phone(raw, countryISO: countryISO) {
    case .valid(let number): return number
    case .invalid(let reason):
      warning(.invalidPhone, field(), Message(.valueLeftOut, ["reason": .message(reason)]), raw)
      return ""
    }
  }

  mutating func email(_ column: Int?, _ field: @autoclosure () -> FieldLabel) -> String {
    let raw = text(column)
    if raw.isEmpty { return "" }
    switch FrenchIdentifier.email(raw) {
    case .valid(let address): return address
    case .invalid(let reason):
      warning(.invalidEmail, field(), Message(.valueLeftOut, ["reason": .message(reason)]), raw)
      return ""
    }
  }

  mutating func siret(_ column: Int?) -> String {
    let raw = text(column)
    if raw.isEmpty { return "" }
    switch FrenchIdentifier.siret(raw) {
    case .valid(let number): return number
    case .invalid(let reason):
      warning(
        .invalidSIRET, CustomerColumn.siret.field,
        Message(.valueLeftOut, ["reason": .message(reason)]), raw)
      return ""
    }
  }

  mutating func vatNumber(_ column: Int?) -> String {
    let raw = text(column)
    if raw.isEmpty { return "" }
    switch FrenchIdentifier.vatNumber(raw) {
    case .valid(let number): return number
    case .invalid(let reason):
      warning(
        .invalidVATNumber, CustomerColumn.vatNumber.field,
        Message(.valueLeftOut, ["reason": .message(reason)]), raw)
      return ""
    }
  }

  mutating func boolean(_ column: Int?, _ field: @autoclosure () -> FieldLabel) -> Bool {
    let raw = text(column)
    if raw.isEmpty { return false }
    if let flag = FrenchValue.boolean(raw) { return flag }
    warning(.badNumber, field(), Message(.notYesNo), raw)
    return false
  }

  mutating func number(
    _ data: inout JSONObject, _ name: StaticString, _ column: Int?,
    _ field: @autoclosure () -> FieldLabel
  ) {
    let raw = text(column)
    if raw.isEmpty { return }
    if let literal = FrenchValue.decimalLiteral(raw) {
      data.number(name, literal: literal)
    } else {
      warning(.badNumber, field(), Message(.notANumberLeftOut), raw)
    }
  }

  mutating func date(
    _ data: inout JSONObject, _ name: StaticString, _ column: Int?,
    _ field: @autoclosure () -> FieldLabel
  ) {
    let raw = text(column)
    if raw.isEmpty { return }
    if let date = FrenchValue.date(raw) {
      data.string(name, date.iso)
    } else {
      warning(.badDate, field(), Message(.notADateLeftOut), raw)
    }
  }
}
