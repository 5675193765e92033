import PasserelleCore
import PasserelleReading

/// The three-way comparison of a shared record: what SM sends now, what Sage holds,
/// what both last agreed on. A field only SM changed goes to Sage; a field only
/// Sage changed is Sage's news, still on its way to SM; a field both changed to
/// different values is a conflict, which Sage wins (`docs/sync-rules.md`).
package struct SharedRecordMerge {
  /// Fields SM changed and Sage did not.
  package var changed: [SharedField] = []
  /// Fields both sides changed, to different values.
  package var conflicts: [SharedField] = []
  /// Sage's values after the import, by label.
  package var sage: FieldSnapshot
  /// What both sides agree on after this record, by label.
  package var synced: FieldSnapshot

  /// - Parameters:
  ///   - incoming: SM's values by SM key, only for the keys SM sent, in the form
  ///     Sage would hold them (Windows-1252, Sage's lengths): what we write is what
  ///     we compare.
  ///   - sage: what Sage holds; nil for a record Sage does not have yet.
  ///   - synced: what both last agreed on; nil means what Sage holds.
  ///   - previous: what Sage held before its last change, also sent to SM: SM may
  ///     still show it when Sage changed a value twice.
  package init(
    fields: [SharedField], incoming: [String: String], sage: FieldSnapshot?,
    synced: FieldSnapshot?, previous: FieldSnapshot? = nil
  ) {
    let sageNow = sage ?? FieldSnapshot()
    let base = synced ?? sageNow
    self.sage = sageNow
    self.synced = base
    for field in fields {
      guard let value = incoming[field.key] else { continue }
      let held = field.salesManagementValue(sageNow)
      let agreed = field.salesManagementValue(base)
      if let held, field.same(value, held) {
        // Both sides hold it: it is agreed from now on.
        for label in field.labels + [field.sentKey] {
          self.synced.values[label] = sageNow.values[label]
        }
        continue
      }
      // SM shows a value Sage sent it: Sage's later change has not reached SM yet.
      let seenBySM = [agreed, previous.flatMap(field.salesManagementValue)].compactMap { $0 }
      let smChanged = !seenBySM.contains { field.same(value, $0) }
      guard smChanged else { continue }
      let sageChanged =
        if let held, let agreed { !field.same(held, agreed) } else { false }
      if sageChanged {
        conflicts.append(field)
      } else {
        changed.append(field)
      }
    }
  }

  /// Records what the import writes for a changed field (cut to Sage's length and
  /// in Windows-1252): what Sage will hold, and what both sides then agree on.
  package mutating func record(
    _ field: SharedField, written value: String, over held: FieldSnapshot?
  ) {
    for (label, value) in field.labelValues(writing: value, over: held) {
      sage.values[label] = value
      synced.values[label] = value
    }
    sage.values[field.sentKey] = nil
    synced.values[field.sentKey] = nil
  }
}
