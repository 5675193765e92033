import GRDB

extension Manifest {
  /// The manifest's tables, version by version.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE batch (
            id TEXT PRIMARY KEY,
            sourceName TEXT NOT NULL,
            folder TEXT NOT NULL,
            direction TEXT NOT NULL,
            sha256 TEXT,
            size INTEGER,
            entity TEXT,
            state TEXT NOT NULL,
            reasonCode TEXT,
            reasonMessage TEXT,
            claimedAt TEXT NOT NULL,
            finishedAt TEXT,
            rowsRead INTEGER NOT NULL DEFAULT 0,
            rowsEmitted INTEGER NOT NULL DEFAULT 0,
            rowsUnchanged INTEGER NOT NULL DEFAULT 0,
            rowsRejected INTEGER NOT NULL DEFAULT 0,
            warnings INTEGER NOT NULL DEFAULT 0,
            deletions INTEGER NOT NULL DEFAULT 0);
          CREATE INDEX batchBySHA256 ON batch(sha256, state);
          CREATE TABLE batchOutput (
            batchId TEXT NOT NULL REFERENCES batch(id),
            kind TEXT NOT NULL,
            path TEXT NOT NULL,
            temporaryPath TEXT);
          CREATE INDEX batchOutputByBatch ON batchOutput(batchId);
          CREATE TABLE record (
            resource TEXT NOT NULL,
            code TEXT NOT NULL,
            kind TEXT NOT NULL,
            origin TEXT NOT NULL,
            owner TEXT NOT NULL,
            smId INTEGER,
            smSalesRepKnownEmpty INTEGER NOT NULL DEFAULT 0,
            fingerprint BLOB,
            deleted INTEGER NOT NULL DEFAULT 0,
            firstBatch TEXT NOT NULL,
            lastBatch TEXT NOT NULL,
            PRIMARY KEY (resource, code)) WITHOUT ROWID;
          CREATE TABLE claimOptions (
            batchId TEXT PRIMARY KEY,
            entity TEXT,
            outputFolder TEXT,
            allowMassDeletion INTEGER NOT NULL);
          CREATE TABLE attempt (
            batchId TEXT PRIMARY KEY,
            count INTEGER NOT NULL);
          CREATE TABLE deletionOverride (
            sha256 TEXT PRIMARY KEY,
            grantedAt TEXT NOT NULL);
          """)
    }
    migrator.registerMigration("v2") { db in
      try db.execute(
        sql: """
          ALTER TABLE record ADD COLUMN picture TEXT;
          CREATE TABLE quote (
            reference TEXT PRIMARY KEY,
            smId INTEGER,
            sagePiece TEXT,
            state TEXT NOT NULL,
            sentBatch TEXT,
            pricedBatch TEXT,
            updatedAt TEXT NOT NULL);
          CREATE TABLE pendingPricedQuote (
            reference TEXT PRIMARY KEY,
            sagePiece TEXT NOT NULL,
            operation BLOB NOT NULL,
            batch TEXT NOT NULL,
            line INTEGER NOT NULL);
          """)
    }
    migrator.registerMigration("v3") { db in
      // What was sent of a quote, so that a file dropped again is recognised.
      try db.execute(sql: "ALTER TABLE quote ADD COLUMN fingerprint BLOB")
      // The drop folder a claimed file came from, for its conversion after a crash.
      try db.execute(sql: "ALTER TABLE claimOptions ADD COLUMN sourceFolder TEXT")
    }
    migrator.registerMigration("v4") { db in
      // Shared records (prospects, contacts): their values by Sage label as Sage
      // holds them, as it held them before its last change, and as both sides last
      // agreed, for the three-way comparison;
      // records created in SM wait for Sage's first export of them, and are not
      // deletions until then. Codes allocated to SM records are never reused.
      try db.execute(
        sql: """
          ALTER TABLE record ADD COLUMN fields BLOB;
          ALTER TABLE record ADD COLUMN syncedFields BLOB;
          ALTER TABLE record ADD COLUMN previousFields BLOB;
          ALTER TABLE record ADD COLUMN awaitingSage INTEGER NOT NULL DEFAULT 0;
          CREATE INDEX recordBySMId ON record(resource, smId) WHERE smId IS NOT NULL;
          CREATE TABLE codeCounter (
            prefix TEXT PRIMARY KEY,
            last INTEGER NOT NULL);
          CREATE TABLE allocatedCode (
            resource TEXT NOT NULL,
            code TEXT NOT NULL,
            smId INTEGER,
            smExtId TEXT,
            derivedId TEXT,
            batch TEXT NOT NULL,
            allocatedAt TEXT NOT NULL,
            PRIMARY KEY (resource, code));
          CREATE INDEX allocatedBySMId ON allocatedCode(resource, smId);
          CREATE INDEX allocatedBySMExtId ON allocatedCode(resource, smExtId);
          CREATE INDEX allocatedByDerivedId ON allocatedCode(resource, derivedId);
          CREATE TABLE poll (
            folder TEXT PRIMARY KEY,
            at TEXT NOT NULL,
            complete INTEGER NOT NULL);
          """)
    }
    migrator.registerMigration("v5") { db in
      // A fingerprint of the source row as read (with what its mapping depends on),
      // so that a row Sage exports again unchanged is not mapped again; and the
      // codes of the records the row also describes (its main contact), staged
      // with it then.
      try db.execute(
        sql: """
          ALTER TABLE record ADD COLUMN rowFingerprint BLOB;
          ALTER TABLE record ADD COLUMN companions TEXT;
          """)
    }
    migrator.registerMigration("v6") { db in
      // The delivery outbox: every operation of every payload, from the commit of its
      // batch until SM answered it; the latest delivered one of each record stays,
      // to recognise it when it comes back in a pull. The pull's watermark per
      // resource, the versions already pulled, and the API's health for `status`.
      try db.execute(
        sql: """
          CREATE TABLE delivery (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            batch TEXT NOT NULL,
            resource TEXT NOT NULL,
            rank INTEGER NOT NULL,
            action TEXT NOT NULL,
            extId TEXT NOT NULL,
            operation BLOB NOT NULL,
            state TEXT NOT NULL,
            smId INTEGER,
            attempts INTEGER NOT NULL DEFAULT 0,
            message TEXT,
            field TEXT,
            heldFor TEXT,
            updatedAt TEXT NOT NULL);
          CREATE INDEX deliveryQueue ON delivery(rank, seq) WHERE state IN ('waiting', 'sending');
          CREATE INDEX deliveryByKey ON delivery(resource, extId);
          CREATE INDEX deliveryBySMId ON delivery(resource, smId) WHERE state = 'delivered';
          CREATE TABLE pullWatermark (
            resource TEXT PRIMARY KEY,
            since TEXT NOT NULL,
            pulledAt TEXT NOT NULL);
          CREATE TABLE pulledVersion (
            resource TEXT NOT NULL,
            smId INTEGER NOT NULL,
            version TEXT NOT NULL,
            PRIMARY KEY (resource, smId)) WITHOUT ROWID;
          CREATE TABLE apiHealth (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL);
          """)
    }
    migrator.registerMigration("v7") { db in
      // `status` and the report read the latest batches, the last of each folder and
      // the last 30 days: without these, a manifest of 100,000 batches (a year of
      // quotes) took minutes, each folder's last batch being found row by row.
      try db.execute(
        sql: """
          CREATE INDEX batchByFolder ON batch(folder, claimedAt);
          CREATE INDEX batchByClaim ON batch(claimedAt);
          CREATE INDEX batchByFinish ON batch(finishedAt);
          """)
    }
    migrator.registerMigration("v8") { db in
      // A first connection to an SM already in use: SM's records typed by hand (no
      // extId) as candidates for adoption, filed under their match keys; the
      // decisions taken on Sage's records (adopted, held for IT, IT's choice); the
      // ids a preview pretends to get, and its counts for the report.
      try db.execute(
        sql: """
          CREATE TABLE smCandidate (
            resource TEXT NOT NULL,
            smId INTEGER NOT NULL,
            keys BLOB NOT NULL,
            label TEXT NOT NULL,
            PRIMARY KEY (resource, smId)) WITHOUT ROWID;
          CREATE TABLE smCandidateKey (
            resource TEXT NOT NULL,
            lookup TEXT NOT NULL,
            smId INTEGER NOT NULL,
            PRIMARY KEY (resource, lookup, smId)) WITHOUT ROWID;
          CREATE INDEX smCandidateKeyBySMId ON smCandidateKey(resource, smId);
          CREATE TABLE candidateWatermark (
            resource TEXT PRIMARY KEY,
            since TEXT NOT NULL);
          CREATE TABLE reconciliation (
            resource TEXT NOT NULL,
            code TEXT NOT NULL,
            state TEXT NOT NULL,
            label TEXT NOT NULL,
            reason TEXT,
            candidates BLOB,
            smId INTEGER,
            evidence TEXT,
            decision TEXT,
            decisionId INTEGER,
            updatedAt TEXT NOT NULL,
            PRIMARY KEY (resource, code)) WITHOUT ROWID;
          CREATE INDEX reconciliationByState ON reconciliation(state);
          CREATE TABLE previewIdMap (
            resource TEXT NOT NULL,
            extId TEXT NOT NULL,
            smId INTEGER NOT NULL,
            PRIMARY KEY (resource, extId)) WITHOUT ROWID;
          CREATE TABLE deliveryPreview (
            resource TEXT NOT NULL,
            action TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (resource, action)) WITHOUT ROWID;
          """)
    }
    migrator.registerMigration("v9") { db in
      // A number for each record, unique within its resource, so that a batch can
      // note the records an export holds one bit each (`SeenRecords`); and the next
      // number to give. A staging numbers the records it writes in file order (a
      // number given to a row whose record is not written after all, repeated or
      // withdrawn, stays unused: numbers are unique, not consecutive); existing
      // records are numbered here in code order.
      try db.execute(
        sql: """
          ALTER TABLE record ADD COLUMN ordinal INTEGER;
          CREATE TABLE recordOrdinal (
            resource TEXT PRIMARY KEY,
            next INTEGER NOT NULL) WITHOUT ROWID;
          UPDATE record SET ordinal = numbered.ordinal
          FROM (SELECT resource, code,
              ROW_NUMBER() OVER (PARTITION BY resource ORDER BY code) AS ordinal
            FROM record) AS numbered
          WHERE record.resource = numbered.resource AND record.code = numbered.code;
          INSERT INTO recordOrdinal(resource, next)
          SELECT resource, MAX(ordinal) + 1 FROM record GROUP BY resource;
          """)
    }
    migrator.registerMigration("v10") { db in
      // Matching keys now keep only SIRETs, SIRENs and VAT numbers whose check digits
      // hold: candidates filed with the earlier keys are listed again at the next
      // push, instead of being compared by keys no longer made.
      try db.execute(
        sql: """
          DELETE FROM smCandidateKey;
          DELETE FROM smCandidate;
          DELETE FROM candidateWatermark;
          """)
    }
    migrator.registerMigration("v11") { db in
      // What a copy claimed by `convert` held, checked before it is converted again
      // after a crash: it is synced only when its batch finishes.
      try db.execute(
        sql: """
          ALTER TABLE claimOptions ADD COLUMN copied INTEGER NOT NULL DEFAULT 0;
          ALTER TABLE claimOptions ADD COLUMN copySize INTEGER;
          ALTER TABLE claimOptions ADD COLUMN copySHA256 TEXT;
          """)
    }
    return migrator
  }

  /// The condition on `batch b` that keeps the last batch claimed in each folder,
  /// found through `batchByFolder` (a lookup per folder, not per batch).
  static let lastBatchOfEachFolder = """
    b.rowid IN (
      SELECT (SELECT rowid FROM batch WHERE folder = f.folder ORDER BY claimedAt DESC, rowid DESC
        LIMIT 1)
      FROM (SELECT DISTINCT folder FROM batch) f)
    """
}
