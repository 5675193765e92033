import PasserelleCore

/// The members of a line's JSON that the row alone decides, written once when the
/// row is read: `"productExtId"` and `"description"`, then `"unit"`, `"comment"`
/// and the VAT mentions. Only the order and the amounts wait for the document (its
/// place in it, a credit note's sign). One buffer instead of five strings per line,
/// and no string made from the row's bytes.
package struct DocumentLineTexts: Sendable {
  /// `, "productExtId": …, "description": …` then `, "unit": …, "comment": …`.
  private let json: [UInt8]
  /// Where the members written after the amounts start.
  private let unitStart: Int
  /// A comment line: its amounts count for nothing in the totals.
  package let isComment: Bool

  /// From the row's bytes in the file's encoding; a mention is nil when the export
  /// has no such column, and is then left out.
  package init(
    article: UnsafeRawBufferPointer, description: UnsafeRawBufferPointer,
    unit: UnsafeRawBufferPointer, isComment: Bool, vatCategory: UnsafeRawBufferPointer?,
    vatExemptionReason: UnsafeRawBufferPointer?, encoding: TextEncoding
  ) {
    // Room for the member names and for every value byte taking two once
    // transcoded: growing the buffer halfway would copy it.
    let valueBytes =
      article.count + description.count + unit.count + (vatCategory?.count ?? 0)
      + (vatExemptionReason?.count ?? 0)
    var json = JSONBytes(capacity: Self.memberNameBytes + 2 * valueBytes)
    json.raw(", \"productExtId\": ")
    json.string(article, encoding: encoding)
    json.raw(", \"description\": ")
    json.string(description, encoding: encoding)
    unitStart = json.bytes.count
    json.raw(", \"unit\": ")
    json.string(unit, encoding: encoding)
    json.raw(", \"comment\": ")
    json.bool(isComment)
    if let vatCategory {
      json.raw(", \"Z_CATEGORIE_TVA\": ")
      json.string(vatCategory, encoding: encoding)
    }
    if let vatExemptionReason {
      json.raw(", \"Z_MOTIF_EXONERATION_TVA\": ")
      json.string(vatExemptionReason, encoding: encoding)
    }
    self.json = json.bytes
    self.isComment = isComment
  }

  /// The member names, quotes, separators and `false`, with every mention present.
  private static let memberNameBytes = 128

  /// How many bytes the members take.
  package var byteCount: Int { json.count }

  /// The members that come before the amounts.
  package var beforeAmounts: ArraySlice<UInt8> { json[..<unitStart] }

  /// The members that come after them, up to the line's closing brace (excluded).
  package var afterAmounts: ArraySlice<UInt8> { json[unitStart...] }
}
