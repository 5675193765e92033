import PasserelleCore

/// The members of a line's JSON that the row alone decides, written once when the
/// row is read: `"productExtId"` and `"description"`, then `"unit"`, `"comment"`
/// and the VAT mentions. Only the order and the amounts wait for the document (its
/// place in it, a credit note's sign). One buffer instead of five strings per line,
/// and no string made from the row's bytes.
package struct DocumentLineTexts: Sendable {
  /// `, "productExtId": …, "description": …` then `, "unit": …, "comment": …`.
  private var json: [UInt8] = []
  /// Where the members written after the amounts start.
  private var unitStart = 0

  /// From the row's bytes in the file's encoding; a mention is nil when the export
  /// has no such column, and is then left out.
  package init(
    article: UnsafeRawBufferPointer, description: UnsafeRawBufferPointer,
    unit: UnsafeRawBufferPointer, isComment: Bool, vatCategory: UnsafeRawBufferPointer?,
    vatExemptionReason: UnsafeRawBufferPointer?, encoding: TextEncoding
  ) {
    json.reserveCapacity(96 + article.count + description.count + unit.count)
    member(", \"productExtId\": ", article, encoding)
    member(", \"description\": ", description, encoding)
    unitStart = json.count
    member(", \"unit\": ", unit, encoding)
    writeComment(isComment)
    if let vatCategory { member(", \"Z_CATEGORIE_TVA\": ", vatCategory, encoding) }
    if let vatExemptionReason {
      member(", \"Z_MOTIF_EXONERATION_TVA\": ", vatExemptionReason, encoding)
    }
  }

  /// From values already decoded.
  package init(
    article: String, description: String, unit: String, isComment: Bool,
    vatCategory: String? = nil, vatExemptionReason: String? = nil
  ) {
    member(", \"productExtId\": ", article)
    member(", \"description\": ", description)
    unitStart = json.count
    member(", \"unit\": ", unit)
    writeComment(isComment)
    if let vatCategory { member(", \"Z_CATEGORIE_TVA\": ", vatCategory) }
    if let vatExemptionReason { member(", \"Z_MOTIF_EXONERATION_TVA\": ", vatExemptionReason) }
  }

  /// The members that come before the amounts.
  package var beforeAmounts: ArraySlice<UInt8> { json[..<unitStart] }

  /// The members that come after them, up to the line's closing brace (excluded).
  package var afterAmounts: ArraySlice<UInt8> { json[unitStart...] }

  private mutating func member(
    _ key: StaticString, _ value: UnsafeRawBufferPointer, _ encoding: TextEncoding
  ) {
    key.withUTF8Buffer { json.append(contentsOf: $0) }
    json.append(0x22)
    JSONText.appendEscaped(value, encoding, to: &json)
    json.append(0x22)
  }

  private mutating func member(_ key: StaticString, _ value: String) {
    key.withUTF8Buffer { json.append(contentsOf: $0) }
    JSONText.append(value, to: &json)
  }

  private mutating func writeComment(_ isComment: Bool) {
    let member: StaticString = isComment ? ", \"comment\": true" : ", \"comment\": false"
    member.withUTF8Buffer { json.append(contentsOf: $0) }
  }
}
