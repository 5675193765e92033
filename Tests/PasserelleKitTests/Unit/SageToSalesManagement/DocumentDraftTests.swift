import Testing

@testable import PasserelleCore
@testable import SageToSalesManagement

@Suite struct DocumentDraftTests {
  /// Reproducible draws, so that a failing sequence can be replayed.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static func header(_ line: Int, _ number: String, kind: DocumentKind) -> DocumentRow {
    .header(
      DocumentHeader(
        line: line, number: number, kind: kind, kindText: kind.rawValue, date: "2026-11-03",
        customer: "C00004", representative: "", reference: "", remark: "", dueDate: "",
        paymentMode: "", quoteStatus: "", validated: true, settled: false, discountRate: nil,
        discountAmount: nil, totalWithTax: Amount(literal: "12,00"), issues: []))
  }

  static func line(_ line: Int, _ number: String, price: Int) -> DocumentRow {
    .line(
      DocumentLine(
        line: line, number: number, article: "A\(line)", description: "", unit: "",
        quantity: Amount(1), unitPrice: Amount(price), unitDiscount: .zero,
        discountRate: .zero, vatRate: Amount(20), isComment: false, order: nil, issues: []))
  }

  static func stray(_ line: Int) -> DocumentRow {
    .stray(
      RowIssue(
        line: line, key: "", field: "Type de Ligne", severity: .error, code: .missingKey,
        message: .verbatim("neither E nor L"), value: "X"))
  }

  /// What comes out of a run of pieces, assembled in order the way the conversion
  /// does: a document (header line, issues, content), a line before any document,
  /// or a stray row.
  static func assemble(_ pieces: [DocumentPiece]) -> [String] {
    var out: [String] = []
    var open: DocumentHeader? = nil
    var lines: [DocumentLine] = []
    func describe(_ draft: DocumentDraft) -> String {
      // The operation id is a digest of the data and lines: equal ids, equal content.
      let content = draft.content.map {
        "\($0.guid) \($0.totalsWarning?.message.text(in: .english) ?? "")"
      }
      return
        "document \(draft.header.line) \(draft.issues.map { "\($0.line) \($0.code)" }) \(content ?? "-")"
    }
    func finish() {
      if let header = open {
        out.append(describe(DocumentDraft(header: header, lines: lines, overflow: false)))
      }
      open = nil
      lines = []
    }
    for piece in pieces {
      switch piece {
      case .document(let draft):
        finish()
        out.append(describe(draft))
      case .row(.header(let header)):
        finish()
        open = header
      case .row(.line(let line)):
        if open == nil { out.append("orphan \(line.line)") } else { lines.append(line) }
      case .row(.stray(let issue)):
        finish()
        out.append("stray \(issue.line)")
      }
    }
    finish()
    return out
  }

  /// Whatever the block sizes, drafting a block's whole documents on its mapping
  /// thread gives the documents assembling every row in order would.
  @Test func draftingWholeDocumentsPerBlockChangesNoDocument() {
    var generator = SplitMix(state: 2026)
    var draftedInBlocks = 0
    var keptAsRows = 0
    for _ in 0..<200 {
      var rows: [DocumentRow] = []
      var current = ""
      for line in 2..<(2 + Int.random(in: 1...120, using: &generator)) {
        switch Int.random(in: 0..<20, using: &generator) {
        case 0..<4:
          current = "F\(line)"
          let kinds: [DocumentKind] = [.invoice, .creditNote, .quote, .other]
          rows.append(Self.header(line, current, kind: kinds.randomElement(using: &generator)!))
        case 4: rows.append(Self.stray(line))
        case 5: rows.append(Self.line(line, "Z\(line)", price: 3))  // names another document
        default: rows.append(Self.line(line, current, price: line % 7))
        }
      }
      let raw = rows.map(DocumentPiece.row)
      var regrouped: [DocumentPiece] = []
      var start = 0
      while start < raw.count {
        let end = min(raw.count, start + Int.random(in: 1...30, using: &generator))
        var block = Array(raw[start..<end])
        DocumentPiece.draftWholeDocuments(&block)
        for piece in block {
          if case .document = piece { draftedInBlocks += 1 } else { keptAsRows += 1 }
        }
        regrouped += block
        start = end
      }
      #expect(Self.assemble(regrouped) == Self.assemble(raw))
    }
    // Both ways were taken, many times.
    #expect(draftedInBlocks > 500)
    #expect(keptAsRows > 500)
  }

  @Test func aDocumentLongerThanTheLimitIsLeftToTheConversion() {
    let limit = DocumentDraft.maximumLines
    var rows = [Self.header(2, "F1", kind: .invoice)]
    rows += (0...limit).map { Self.line(3 + $0, "F1", price: 1) }
    rows.append(Self.header(limit + 4, "F2", kind: .invoice))
    var pieces = rows.map(DocumentPiece.row)
    DocumentPiece.draftWholeDocuments(&pieces)
    // F1's rows stay rows, in order, and so does F2, open at the block's end.
    #expect(pieces.count == rows.count)
    #expect(pieces.allSatisfy { if case .row = $0 { true } else { false } })
    #expect(pieces.map(Self.lineNumber) == rows.map { Self.lineNumber(.row($0)) })
    // A run of lines at the limit is drafted whole.
    var atLimit = Array(rows.prefix(1 + limit)).map(DocumentPiece.row)
    atLimit.append(.row(Self.header(limit + 4, "F2", kind: .invoice)))
    DocumentPiece.draftWholeDocuments(&atLimit)
    #expect(atLimit.count == 2)
  }

  static func lineNumber(_ piece: DocumentPiece) -> Int {
    switch piece {
    case .document(let draft): draft.header.line
    case .row(.header(let header)): header.line
    case .row(.line(let line)): line.line
    case .row(.stray(let issue)): issue.line
    }
  }

  @Test func aBlockOfLinesWithoutItsHeaderStaysRows() {
    var pieces = [Self.line(2, "F1", price: 1), Self.line(3, "F1", price: 2)].map(
      DocumentPiece.row)
    DocumentPiece.draftWholeDocuments(&pieces)
    #expect(Self.assemble(pieces) == ["orphan 2", "orphan 3"])
    #expect(pieces.allSatisfy { if case .row = $0 { true } else { false } })
  }
}
