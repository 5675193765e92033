/// What became of one operation sent to SM.
package enum OutboxOutcome: Sendable {
  /// SM applied it; `smId` is the record's id there.
  case delivered(seq: Int64, smId: Int?)
  /// SM refused the record: its message, and the field it names when it names one.
  case refused(seq: Int64, message: String, field: String?)
  /// Not sent: it names a record SM does not know yet (`reason` says which).
  case held(seq: Int64, reason: String)

  /// The operation it answers.
  package var seq: Int64 {
    switch self {
    case .delivered(let seq, _), .refused(let seq, _, _), .held(let seq, _): seq
    }
  }
}
