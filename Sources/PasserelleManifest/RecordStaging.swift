import Foundation
import GRDB
import GRDBSQLite
import PasserelleCore

/// The manifest side of converting one full export, inside the batch's single
/// transaction: looks up what was last sent, stages the keys this file holds
/// (in a temporary table, so memory stays flat however large the export; a row
/// that would only mark its record as seen sets the record's bit in `SeenRecords`
/// instead), then finds deletions and commits the new fingerprints.
package final class RecordStaging {
  let db: Database
  let resource: String
  package let kind: String
  /// Who may change the record: `sage` (customers, articles…) or `shared` (prospects, contacts).
  let owner: String
  let batch: String
  /// The temporary table of this staging: a batch may stage two resources at once.
  private let table: String
  private let lookup: Statement
  /// No record of this resource yet (a first export): nothing to look up.
  package let isFirstOfItsKind: Bool
  /// Runs only when a key comes back (rare): the common insert stays a plain one.
  private let repeatKey: Statement
  /// Active records of this kind, once `findMissing` counted them.
  private var knownRecords: Int? = nil
  /// Which of the commit's updates of unchanged records can change anything: each
  /// is a pass over every staged key, for nothing on a first or unchanged export.
  private var unchangedUpdates = UnchangedUpdates()
  /// Rows staged without a fingerprint: rejected, or not this export's to send.
  package private(set) var stagedWithoutFingerprint = 0
  private let stage: Statement
  /// On a first export of its kind, each record is written as it is staged, where
  /// the work overlaps the mapping of the rows behind it, instead of being copied
  /// from the staging table at commit (a second pass over every record, once the
  /// file is read). Nil on later exports.
  private let firstExport: FirstExport?
  /// Rows this batch put in the staging table: while there are none, a row whose
  /// record a first export writes cannot be the repeat of one.
  private var rowsInTable = 0
  /// Puts a written row into the staging table, once its code came again or its
  /// operation was withdrawn.
  private let stageWritten: Statement
  /// The records this export's rows stand for; those of rows not staged.
  private let seenRecords: SeenRecords
  /// The first ordinal this batch gives, and how many it gave. Read once: a
  /// transaction holds one staging per resource, or two would give the same numbers.
  private let nextOrdinal: Int
  private var ordinalsGiven = 0
  private let stageSkipped: Statement
  /// Where the per-row statements bind their text and blobs from (see `BindingRoom`).
  private let lookupRoom = BindingRoom()
  private let stageRoom = BindingRoom()
  private let insertRoom = BindingRoom()
  /// The records the export speaks for, listed beside the mapping for `findMissing`;
  /// nil when nothing is to be found, or once read.
  private var census: RecordCensus?

  /// `findsMissing`: the export is full, and the records it no longer lists will be
  /// looked for (`deletionCandidates`…): they are listed from now on, beside the
  /// mapping.
  package init(
    db transaction: ManifestTransaction, resource: String, kind: String, owner: String = "sage",
    batch: String, table: String = "stagedKey", findsMissing: Bool = false
  ) throws {
    let db = transaction.db
    self.db = db
    self.resource = resource
    self.kind = kind
    self.owner = owner
    self.batch = batch
    self.table = table
    isFirstOfItsKind =
      try
      !(Bool.fetchOne(
        db, sql: "SELECT EXISTS (SELECT 1 FROM record WHERE resource = ?)", arguments: [resource])
      ?? false)
    try db.execute(
      sql: """
        CREATE TEMP TABLE IF NOT EXISTS \(table) (
          code TEXT PRIMARY KEY,
          line INTEGER NOT NULL,
          occurrences INTEGER NOT NULL DEFAULT 1,
          operation INTEGER,
          fingerprint BLOB,
          smId INTEGER,
          picture TEXT,
          companion INTEGER,
          fields BLOB,
          rowFingerprint BLOB,
          companions TEXT,
          ordinal INTEGER) WITHOUT ROWID;
        DELETE FROM temp.\(table);
        CREATE TEMP TABLE IF NOT EXISTS \(table)Gone (code TEXT PRIMARY KEY) WITHOUT ROWID;
        DELETE FROM temp.\(table)Gone;
        CREATE TEMP TABLE IF NOT EXISTS \(table)Missing (code TEXT PRIMARY KEY) WITHOUT ROWID;
        DELETE FROM temp.\(table)Missing;
        """)
    lookup = try db.makeStatement(sql: KnownRecord.query)
    stage = try db.makeStatement(
      sql: """
        INSERT OR IGNORE INTO temp.\(table)(code, line, operation, fingerprint, smId, picture,
          companion, fields, rowFingerprint, companions, ordinal)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    repeatKey = try db.makeStatement(
      sql: """
        UPDATE temp.\(table) SET occurrences = occurrences + 1 WHERE code = ?
        RETURNING line, occurrences, operation, companion
        """)
    firstExport = isFirstOfItsKind ? try FirstExport(db: db) : nil
    stageWritten = try db.makeStatement(
      sql: """
        INSERT INTO temp.\(table)(code, line, occurrences, operation, fingerprint, companion)
        VALUES (?, ?, ?, ?, ?, ?)
        """)
    seenRecords = SeenRecords(db: db)
    nextOrdinal =
      try Int.fetchOne(
        db, sql: "SELECT next FROM recordOrdinal WHERE resource = ?", arguments: [resource]) ?? 1
    stageSkipped = try db.makeStatement(
      sql: """
        INSERT OR IGNORE INTO temp.\(table)(code, line, fingerprint, rowFingerprint)
        VALUES (?, ?, ?, ?)
        """)
    census =
      findsMissing && !isFirstOfItsKind
      ? db.mainFilePath.flatMap { RecordCensus(manifest: $0, resource: resource, kind: kind) }
      : nil
    // Bindings outlive resets: the resource, and what every record written here
    // shares, are bound once.
    try bind(lookup.sqliteStatement, 1, resource)
    if let firstExport {
      for (index, shared) in [resource, kind, owner, batch, batch].enumerated() {
        try bind(firstExport.insert, Int32(index + 1), shared)
      }
      try bind(firstExport.forget, 1, resource)
      try bind(firstExport.ordinal, 1, resource)
    }
  }

  // The per-row statements go through SQLite's C API on GRDB's prepared
  // statements: GRDB's row decoding costs more than the lookup itself here.

  package func known(_ code: String) throws -> KnownRecord? {
    if isFirstOfItsKind { return nil }
    let statement = lookup.sqliteStatement
    defer { sqlite3_reset(statement) }
    lookupRoom.begin()
    try SQLiteColumn.check(lookupRoom.bind(statement, 2, code), statement)
    return try SQLiteColumn.step(statement) ? KnownRecord(statement) : nil
  }

  /// Outcome of staging a key that the file already held.
  package struct Repeat {
    package var firstLine: Int
    /// True on the second occurrence only: the first row must be reported then.
    package var isFirstRepeat: Bool
    /// The first row's payload operation, to be removed.
    package var firstOperation: Int?
    /// The first row's companion operation (its main contact), to be removed too.
    package var firstCompanion: Int?
  }

  /// Records that the file holds `code`. Returns nil the first time.
  package func stage(
    code: String, line: Int, operation: Int?, fingerprint: Fingerprint?, known: KnownRecord?,
    smId matchedId: Int? = nil, picture: String? = nil, companion: Int? = nil,
    fields: [UInt8]? = nil, rowFingerprint: Fingerprint? = nil, companions: String? = nil
  ) throws -> Repeat? {
    let smId = known?.smId ?? matchedId
    let marksOnlySeen =
      known.map {
        onlyMarksSeen(
          operation: operation, companion: companion, fingerprint: fingerprint, known: $0,
          smId: smId, fields: fields, rowFingerprint: rowFingerprint)
      } ?? false
    let record = isFirstOfItsKind ? nil : try known ?? self.known(code)
    if try isSkipped(code, line: line, record: record, onlyMarksSeen: marksOnlySeen) {
      return nil
    }
    if operation == nil && !isFirstOfItsKind {
      unchangedUpdates.note(
        known: known, rowFingerprint: rowFingerprint, fields: fields, smId: smId)
    }
    if fingerprint == nil { stagedWithoutFingerprint += 1 }
    if let firstExport {
      if let operation {
        let row = WrittenRecords.Row(
          code: code, line: line, operation: operation, fingerprint: fingerprint,
          companion: companion)
        return try write(
          row, smId: smId, picture: picture, fields: fields, rowFingerprint: rowFingerprint,
          companions: companions, with: firstExport)
      }
      if ordinalsGiven > 0, let repeated = try repeatOfWritten(code, in: firstExport) {
        return repeated
      }
    }
    let statement = stage.sqliteStatement
    defer { sqlite3_reset(statement) }
    stageRoom.begin()
    try SQLiteColumn.check(stageRoom.bind(statement, 1, code), statement)
    sqlite3_bind_int64(statement, 2, Int64(line))
    SQLiteColumn.bind(statement, 3, integer: operation)
    stageRoom.bind(statement, 4, blob: fingerprint)
    SQLiteColumn.bind(statement, 5, integer: smId)
    try SQLiteColumn.check(stageRoom.bind(statement, 6, text: picture), statement)
    SQLiteColumn.bind(statement, 7, integer: companion)
    stageRoom.bind(statement, 8, blob: fields)
    stageRoom.bind(statement, 9, blob: rowFingerprint)
    try SQLiteColumn.check(stageRoom.bind(statement, 10, text: companions), statement)
    // A row to write carries its record's number, or the next one to give: numbers
    // are given in file order, and the commit writes the records in code order. A
    // row found repeated or withdrawn later is not written, and its number stays
    // unused: numbers stay unique, `saveNextOrdinal` counting every one given.
    let givesNumber = operation != nil && record?.ordinal == nil
    let number = operation == nil ? nil : record?.ordinal ?? nextOrdinal + ordinalsGiven
    SQLiteColumn.bind(statement, 11, integer: number)
    guard sqlite3_step(statement) == SQLITE_DONE else { throw failure(statement) }
    if sqlite3_changes(sqlite3_db_handle(statement)) == 1 {
      rowsInTable += 1
      if givesNumber { ordinalsGiven += 1 }
      return nil
    }
    guard let repeated = try repeatOfStaged(code) else { throw failure(statement) }
    return repeated
  }

  /// Writes the record of a row of a first export of its kind, unless the file
  /// held its code before: returns the repeat then, as `stage` does.
  private func write(
    _ row: WrittenRecords.Row, smId: Int?, picture: String?, fields: [UInt8]?,
    rowFingerprint: Fingerprint?, companions: String?, with firstExport: FirstExport
  ) throws -> Repeat? {
    if rowsInTable > 0, let repeated = try repeatOfStaged(row.code) { return repeated }
    let insert = firstExport.insert
    defer { sqlite3_reset(insert) }
    insertRoom.begin()
    try SQLiteColumn.check(insertRoom.bind(insert, 6, row.code), insert)
    SQLiteColumn.bind(insert, 7, integer: smId)
    insertRoom.bind(insert, 8, blob: row.fingerprint)
    try SQLiteColumn.check(insertRoom.bind(insert, 9, text: picture), insert)
    insertRoom.bind(insert, 10, blob: fields)
    insertRoom.bind(insert, 11, blob: rowFingerprint)
    try SQLiteColumn.check(insertRoom.bind(insert, 12, text: companions), insert)
    let ordinal = nextOrdinal + ordinalsGiven
    sqlite3_bind_int64(insert, 13, Int64(ordinal))
    guard sqlite3_step(insert) == SQLITE_DONE else { throw failure(insert) }
    guard sqlite3_changes(sqlite3_db_handle(insert)) == 1 else {
      guard let repeated = try repeatOfWritten(row.code, in: firstExport) else {
        // Only this batch's records exist on a first export: one it did not write
        // means the manifest changed under it.
        throw DatabaseError(
          resultCode: .SQLITE_CONSTRAINT,
          message:
            "record \(row.code) of \(resource) exists, but this first export did not write it")
      }
      return repeated
    }
    ordinalsGiven += 1
    try firstExport.written.note(ordinal: ordinal, row)
    return nil
  }

  /// A repeat of a code whose row is in the staging table; nil when none is.
  private func repeatOfStaged(_ code: String) throws -> Repeat? {
    let again = repeatKey.sqliteStatement
    defer { sqlite3_reset(again) }
    try bind(again, 1, code)
    guard try SQLiteColumn.step(again) else { return nil }
    let occurrences = Int(sqlite3_column_int64(again, 1))
    let repeated = Repeat(
      firstLine: Int(sqlite3_column_int64(again, 0)), isFirstRepeat: occurrences == 2,
      firstOperation: SQLiteColumn.integer(again, 2),
      firstCompanion: SQLiteColumn.integer(again, 3))
    // A first row whose record was written joined the table without it
    // (`repeatOfWritten`): no record of the code is left to take back.
    return repeated
  }

  /// The first repeat of a code whose record this batch wrote; nil when it wrote
  /// none. The record goes, and its row joins the staging table, where the code's
  /// later rows meet it as any other.
  private func repeatOfWritten(_ code: String, in firstExport: FirstExport) throws -> Repeat? {
    let lookup = firstExport.ordinal
    defer { sqlite3_reset(lookup) }
    try bind(lookup, 2, code)
    guard try SQLiteColumn.step(lookup), let ordinal = SQLiteColumn.integer(lookup, 0),
      let first = try firstExport.written.take(ordinal: ordinal)
    else { return nil }
    try stageWrittenRow(first, occurrences: 2, operation: first.operation)
    try forget(code, with: firstExport)
    return Repeat(
      firstLine: first.line, isFirstRepeat: true, firstOperation: first.operation,
      firstCompanion: first.companion)
  }

  /// Puts a row whose record was written into the staging table.
  private func stageWrittenRow(_ row: WrittenRecords.Row, occurrences: Int, operation: Int?)
    throws
  {
    let statement = stageWritten.sqliteStatement
    defer { sqlite3_reset(statement) }
    try bind(statement, 1, row.code)
    sqlite3_bind_int64(statement, 2, Int64(row.line))
    sqlite3_bind_int64(statement, 3, Int64(occurrences))
    SQLiteColumn.bind(statement, 4, integer: operation)
    SQLiteColumn.bind(statement, 5, blob: row.fingerprint)
    SQLiteColumn.bind(statement, 6, integer: row.companion)
    guard sqlite3_step(statement) == SQLITE_DONE else { throw failure(statement) }
    rowsInTable += 1
  }

  /// Whether staging the row would only mark its record as seen: unchanged, an
  /// active record of this kind, with a fingerprint (a rejected row has none, and
  /// the deletion guard of main contacts looks for those), and none of the
  /// commit's updates of unchanged records applies to it (see `UnchangedUpdates`).
  private func onlyMarksSeen(
    operation: Int?, companion: Int?, fingerprint: Fingerprint?, known: KnownRecord, smId: Int?,
    fields: [UInt8]?, rowFingerprint: Fingerprint?
  ) -> Bool {
    guard operation == nil, companion == nil, fingerprint != nil, !known.deleted,
      !known.awaitingSage, known.kind == kind
    else { return false }
    return known.rowFingerprint == rowFingerprint && (fields == nil || known.hasFields)
      && (smId == nil || known.smId != nil)
  }

  /// Notes that a row stands for `record`, the record of `code` (nil: none, or a
  /// first export), and whether it is skipped (`onlyMarksSeen`, and the first row of
  /// that record). A caller that did not look the record up passes none to `stage`,
  /// which looks it up: every row of a known record must be noted (a repeat of a
  /// skipped row would pass unseen). When the
  /// code came before and its first row was skipped, that row is staged now, so
  /// that this repeat meets it as any other.
  private func isSkipped(_ code: String, line: Int, record: KnownRecord?, onlyMarksSeen: Bool)
    throws -> Bool
  {
    guard let record, let ordinal = record.ordinal else { return false }
    if seenRecords.contains(ordinal) {
      if seenRecords.wasSkipped(ordinal) { try stageSkippedRow(code, record: record) }
      return false
    }
    guard onlyMarksSeen else {
      seenRecords.note(ordinal)
      return false
    }
    try seenRecords.skip(ordinal, line: line)
    return true
  }

  /// Stages the skipped row of `record` as `stage` would have: its line, no
  /// operation, a fingerprint.
  private func stageSkippedRow(_ code: String, record: KnownRecord) throws {
    guard let ordinal = record.ordinal else { return }
    let line = try seenRecords.stage(skipped: ordinal)
    let statement = stageSkipped.sqliteStatement
    defer { sqlite3_reset(statement) }
    try bind(statement, 1, code)
    sqlite3_bind_int64(statement, 2, Int64(line))
    SQLiteColumn.bind(statement, 3, blob: record.fingerprint)
    SQLiteColumn.bind(statement, 4, blob: record.rowFingerprint)
    guard sqlite3_step(statement) == SQLITE_DONE else { throw failure(statement) }
  }

  /// Takes back a record written this batch: its code turned out repeated.
  private func forget(_ code: String, with firstExport: FirstExport) throws {
    let forget = firstExport.forget
    defer { sqlite3_reset(forget) }
    try bind(forget, 2, code)
    guard sqlite3_step(forget) == SQLITE_DONE else { throw failure(forget) }
  }

  /// Forgets that the record of payload operation `operation` is sent (its company
  /// row turned out duplicated): it is neither recorded as sent nor deleted.
  package func withdraw(operation: Int) throws {
    // The withdrawn row now stands as unchanged: rare enough to update as before.
    if !isFirstOfItsKind { unchangedUpdates = UnchangedUpdates(all: true) }
    try db.execute(
      sql: "UPDATE temp.\(table) SET operation = NULL WHERE operation = ?", arguments: [operation])
    // A written row withdrawn stays a row of the file: a repeat of its code must meet it.
    guard let firstExport else { return }
    for row in try firstExport.written.take(operation: operation) {
      try forget(row.code, with: firstExport)
      try stageWrittenRow(row, occurrences: 1, operation: nil)
    }
  }

  /// An extra condition on deletions (SQL on `code`), e.g. sparing the main
  /// contacts of company rows that were rejected.
  package var deletionGuard = ""

  private func bind(_ statement: SQLiteStatement, _ index: Int32, _ text: String) throws {
    try SQLiteColumn.check(SQLiteColumn.bind(statement, index, text), statement)
  }

  private func bind(
    _ statement: SQLiteStatement, _ index: Int32, utf8: UnsafeBufferPointer<UInt8>
  ) throws {
    try SQLiteColumn.check(SQLiteColumn.bind(statement, index, utf8: utf8), statement)
  }

  private func failure(_ statement: SQLiteStatement) -> DatabaseError {
    SQLiteColumn.error(statement)
  }

  /// Sage representative code → SM user id, for every user SM has an id for.
  package static func userIds(in transaction: ManifestTransaction) throws -> [String: Int] {
    let db = transaction.db
    var ids: [String: Int] = [:]
    let rows = try GRDB.Row.fetchCursor(
      db,
      sql:
        "SELECT code, smId FROM record WHERE resource = 'users' AND deleted = 0 AND smId IS NOT NULL"
    )
    while let row = try rows.next() { ids[row[0]] = row[1] }
    return ids
  }

  /// The records a full export of this kind speaks for: active, and known to Sage
  /// (one created in SM waits for Sage's first export of it). Every deletion
  /// count and query starts from here. Arguments: resource, kind.
  static let speaksFor =
    "resource = ? AND kind = ? AND deleted = 0 AND awaitingSage = 0"

  /// Looks, once every row is staged, for the records the export speaks for but
  /// does not hold, and notes them in the `Missing` table. Returns how many
  /// records it speaks for. A record a row stood for is passed over on its bit
  /// (`SeenRecords`); only the others are looked for among the staged keys. The
  /// records come from the census listed beside the mapping, or else from one scan
  /// through SQLite's C API.
  private func findMissing() throws -> Int {
    // Records written by this batch are not known yet.
    if isFirstOfItsKind { return 0 }
    if let knownRecords { return knownRecords }
    let staged = try db.makeStatement(sql: "SELECT 1 FROM temp.\(table) WHERE code = ?")
    let note = try db.makeStatement(sql: "INSERT INTO temp.\(table)Missing(code) VALUES (?)")
    let (stagedLookup, noteMissing) = (staged.sqliteStatement, note.sqliteStatement)
    func noteIfMissing(_ code: UnsafeBufferPointer<UInt8>) throws {
      try bind(stagedLookup, 1, utf8: code)
      let isStaged = try SQLiteColumn.step(stagedLookup)
      sqlite3_reset(stagedLookup)
      if isStaged { return }
      try bind(noteMissing, 1, utf8: code)
      _ = try SQLiteColumn.step(noteMissing)
      sqlite3_reset(noteMissing)
    }
    let known: Int
    if let listing = census?.listing() {
      try listing.forEachRecord { record in
        if let ordinal = record.ordinal, seenRecords.contains(ordinal) { return }
        try noteIfMissing(record.code)
      }
      known = listing.count
      #if DEBUG
        try checkAgainstScan(known: known)
      #endif
    } else {
      known = try scanRecords { ordinal, code in
        if let ordinal, seenRecords.contains(ordinal) { return }
        try noteIfMissing(code)
      }
    }
    // Its connection and scratch file go: the list is read.
    census = nil
    knownRecords = known
    return known
  }

  /// Calls `body` with the ordinal and code of each record the export speaks for;
  /// returns how many there are.
  private func scanRecords(_ body: (Int?, UnsafeBufferPointer<UInt8>) throws -> Void) throws
    -> Int
  {
    let scan = try db.makeStatement(
      sql: "SELECT ordinal, code FROM record WHERE \(Self.speaksFor)")
    let rows = scan.sqliteStatement
    try bind(rows, 1, resource)
    try bind(rows, 2, kind)
    var count = 0
    while try SQLiteColumn.step(rows) {
      count += 1
      let code = UnsafeBufferPointer(
        start: sqlite3_column_text(rows, 1), count: Int(sqlite3_column_bytes(rows, 1)))
      try body(SQLiteColumn.integer(rows, 0), code)
    }
    return count
  }

  #if DEBUG
    /// The census must find what a scan finds now: it read the manifest on another
    /// connection, as the last commit left it, which holds only while this batch
    /// has written none of the resource's records.
    private func checkAgainstScan(known: Int) throws {
      var missing = Set<String>()
      let scanned = try scanRecords { ordinal, code in
        if let ordinal, seenRecords.contains(ordinal) { return }
        let text = String(decoding: code, as: UTF8.self)
        let isStaged =
          try Bool.fetchOne(
            db, sql: "SELECT 1 FROM temp.\(table) WHERE code = ?", arguments: [text]) ?? false
        if !isStaged { missing.insert(text) }
      }
      let noted = try Set(String.fetchAll(db, sql: "SELECT code FROM temp.\(table)Missing"))
      precondition(scanned == known && noted == missing, "the census differs from the manifest")
    }
  #endif

  /// Those `findMissing` noted, with the extra condition of `deletionGuard`.
  private var missing: String {
    "resource = ? AND code IN (SELECT code FROM temp.\(table)Missing) \(deletionGuard)"
  }

  /// Active records of this kind that the file does not hold.
  package func deletionCandidates() throws -> (missing: Int, known: Int) {
    let known = try findMissing()
    let missing =
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM temp.\(table)Missing") ?? 0
    return (missing, known)
  }

  /// How many active records of this kind the file does not hold, guard included.
  package func deletionCount() throws -> (missing: Int, known: Int) {
    let known = try findMissing()
    let missing =
      try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM record WHERE \(missing)", arguments: [resource]) ?? 0
    return (missing, known)
  }

  /// Streams the records to mark deleted, in code order, and notes their codes, so
  /// that the commit marks them by key instead of comparing every record again with
  /// the file (a second pass over the whole resource, for a handful of deletions).
  package func forEachDeletion(_ body: (String, Data?, Int?) throws -> Void) throws {
    _ = try findMissing()
    let cursor = try GRDB.Row.fetchCursor(
      db, sql: "SELECT code, fingerprint, smId FROM record WHERE \(missing) ORDER BY code",
      arguments: [resource])
    let note = try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO temp.\(table)Gone(code) VALUES (?)")
    while let row = try cursor.next() {
      let code: String = row[0]
      try note.execute(arguments: [code])
      try body(code, row[1], row[2])
    }
  }

  /// Writes what this batch sent: new fingerprints for emitted keys that were not
  /// repeated, and the deletions. Shared values agreed with SM (`syncedFields`,
  /// NULL while they are Sage's values) stay as they were: a change in Sage is news
  /// for SM until SM shows it; unless another Sage record now speaks for this one
  /// (a contacts export taking over a main contact).
  package func commit(deletions: Int) throws {
    // A first export wrote its records while they were staged.
    if firstExport == nil || deletions > 0 {
      try writeRecords(copying: firstExport == nil, markingDeleted: deletions > 0)
    }
    // An unchanged shared record whose values the manifest lacks (kept by an earlier
    // version) gets them, so that SM's next change of it can be compared.
    if unchangedUpdates.fields {
      try db.execute(
        sql: """
          UPDATE record SET fields = (SELECT s.fields FROM temp.\(table) s WHERE s.code = record.code)
          WHERE resource = ? AND fields IS NULL AND code IN
            (SELECT code FROM temp.\(table)
             WHERE fields IS NOT NULL AND operation IS NULL AND occurrences = 1)
          """, arguments: [resource])
    }
    // An unchanged record keeps the fingerprint of the row that now stands for it,
    // or none when that row may not be recognised (a warning now, say, on a main
    // contact sent differently since): an older fingerprint would let the older row
    // pass for unchanged while what was last sent has moved on. Recognised rows are
    // staged with the fingerprint they matched, and write nothing.
    if unchangedUpdates.rowFingerprints {
      try db.execute(
        sql: """
          UPDATE record SET rowFingerprint = s.rowFingerprint, companions = s.companions
          FROM temp.\(table) AS s
          WHERE record.resource = ? AND record.code = s.code AND s.operation IS NULL
            AND s.occurrences = 1 AND record.rowFingerprint IS NOT s.rowFingerprint
          """, arguments: [resource])
    }
    // An unchanged record newly matched to an SM id (a user found by e-mail) keeps it.
    if unchangedUpdates.smIds {
      try db.execute(
        sql: """
          UPDATE record SET smId = (SELECT s.smId FROM temp.\(table) s WHERE s.code = record.code)
          WHERE resource = ? AND smId IS NULL AND code IN
            (SELECT code FROM temp.\(table) WHERE smId IS NOT NULL AND operation IS NULL)
          """, arguments: [resource])
    }
    try db.execute(
      sql: """
        DELETE FROM temp.\(table); DELETE FROM temp.\(table)Gone;
        DELETE FROM temp.\(table)Missing
        """)
    try firstExport?.written.clear()
    rowsInTable = 0
    try seenRecords.clear()
    try saveNextOrdinal()
  }

  /// Writes the records of the emitted keys that were not repeated, with the numbers
  /// `stage` gave them, and marks deleted the records `forEachDeletion` went through:
  /// in one pass in code order, the order of the records' pages.
  ///
  /// One statement per record, not one for them all: a statement that writes many
  /// rows and may fail halfway keeps a copy of every page it changes, to undo its
  /// own changes alone, in a temporary file once past 64 KiB (the batch's single
  /// transaction is undone whole on any failure anyway). For the 2,200 records of a
  /// next cycle of 200,000 customers that copy was 20 MB of writes. One pass: a page
  /// the manifest's cache of 1 MiB had already set down in the log, written again
  /// by a second pass, had SQLite read back and rewrite every frame logged after it
  /// to mend their checksums (16 MB for that cycle).
  private func writeRecords(copying: Bool, markingDeleted: Bool) throws {
    let staged = try db.makeStatement(
      sql: """
        SELECT code, smId, fingerprint, picture, fields, rowFingerprint, companions, ordinal
        FROM temp.\(table) WHERE occurrences = 1 AND operation IS NOT NULL \(copying ? "" : "AND 0")
        ORDER BY code
        """)
    let gone = try db.makeStatement(
      sql: "SELECT code FROM temp.\(table)Gone \(markingDeleted ? "" : "WHERE 0") ORDER BY code")
    let upsert = try db.makeStatement(sql: Self.copyRecord)
    let mark = try db.makeStatement(
      sql: "UPDATE record SET deleted = 1, lastBatch = ?1 WHERE resource = ?2 AND code = ?3")
    try withExtendedLifetime((staged, gone, upsert, mark)) {
      try RecordSweep(
        staged: staged.sqliteStatement, gone: gone.sqliteStatement,
        upsert: upsert.sqliteStatement, mark: mark.sqliteStatement
      ).run(resource: resource, kind: kind, owner: owner, batch: batch)
    }
  }

  /// Writes one staged record: parameters resource, kind, owner, batch, then the
  /// staged row's code, smId, fingerprint, picture, fields, rowFingerprint,
  /// companions and number. A record that has its number keeps it.
  private static let copyRecord = """
    INSERT INTO record(resource, kind, owner, firstBatch, lastBatch, origin, deleted,
      code, smId, fingerprint, picture, fields, rowFingerprint, companions, ordinal)
    VALUES (?1, ?2, ?3, ?4, ?4, 'sage', 0, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
    ON CONFLICT(resource, code) DO UPDATE SET
      ordinal = COALESCE(record.ordinal, excluded.ordinal),
      kind = excluded.kind, owner = excluded.owner, fingerprint = excluded.fingerprint,
      rowFingerprint = excluded.rowFingerprint, companions = excluded.companions,
      smId = COALESCE(record.smId, excluded.smId),
      picture = COALESCE(excluded.picture, record.picture), deleted = 0,
      lastBatch = excluded.lastBatch, awaitingSage = 0,
      fields = COALESCE(excluded.fields, record.fields),
      syncedFields = CASE WHEN record.kind = excluded.kind AND excluded.fields IS NOT NULL
        THEN COALESCE(record.syncedFields, record.fields) END,
      previousFields = CASE WHEN record.kind = excluded.kind AND excluded.fields IS NOT NULL
        THEN record.fields END
    """

  /// Keeps the next ordinal to give, past every one this batch gave.
  private func saveNextOrdinal() throws {
    guard ordinalsGiven > 0 else { return }
    try db.execute(
      sql: """
        INSERT INTO recordOrdinal(resource, next) VALUES (?, ?)
        ON CONFLICT(resource) DO UPDATE SET next = MAX(next, excluded.next)
        """, arguments: [resource, nextOrdinal + ordinalsGiven])
  }

  /// The updates of unchanged records that the staged rows call for. Outside a first
  /// export of its kind a record is written only at commit, so what was known when a
  /// row was staged is what the update would compare with; an unknown record (nil)
  /// may still exist (a caller that did not look it up) and is assumed to need every
  /// update. Nothing exists before a first export of its kind.
  private struct UnchangedUpdates {
    var fields = false
    var rowFingerprints = false
    var smIds = false

    init(all: Bool = false) {
      fields = all
      rowFingerprints = all
      smIds = all
    }

    mutating func note(
      known: KnownRecord?, rowFingerprint: Fingerprint?, fields: [UInt8]?, smId: Int?
    ) {
      guard let known else {
        self.fields = self.fields || fields != nil
        rowFingerprints = true
        smIds = smIds || smId != nil
        return
      }
      self.fields = self.fields || (fields != nil && !known.hasFields)
      rowFingerprints = rowFingerprints || known.rowFingerprint != rowFingerprint
      smIds = smIds || (smId != nil && known.smId == nil)
    }
  }
}
