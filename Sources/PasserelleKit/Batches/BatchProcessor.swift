import Foundation
import Logging
import PasserelleCore
import PasserelleManifest
import PasserelleOutput
import PasserelleReading
import SageToSalesManagement
import SalesManagementToSage

/// Runs the batch protocol of `docs/reliability.md` for one claimed file: convert to
/// temporary outputs, commit the manifest, rename the outputs, archive the
/// original. Any crash in between is repaired by `recover`.
final class BatchProcessor {
  let layout: Layout
  let settings: Settings
  let manifest: Manifest
  let logger: Logger
  let clock: @Sendable () -> Date
  init(
    layout: Layout, settings: Settings, manifest: Manifest, logger: Logger,
    clock: @escaping @Sendable () -> Date
  ) {
    self.layout = layout
    self.settings = settings
    self.manifest = manifest
    self.logger = logger
    self.clock = clock
  }

  // MARK: Claiming

  /// Moves a complete file from a drop folder into the work area (one atomic rename).
  func claim(_ path: String, from folder: SourceFolder) throws -> ClaimedFile {
    let name = OutputName.safe((path as NSString).lastPathComponent)
    let batch = try newBatchID()
    let claimed = "\(layout.work)/\(batch)-\(name)"
    var options = ConversionOptions()
    options.sourceFolder = folder
    if folder == .salesManagement {
      // Recorded before the claim: recovery after a crash must know the folder.
      try manifest.recordOptions(options, of: batch)
    }
    try FileSystem.rename(path, to: claimed)
    FileSystem.syncDirectory(layout.work)
    return ClaimedFile(batch: batch, originalName: name, path: claimed, options: options)
  }

  /// Copies a file given on the command line into the work area, leaving it in place.
  func claimCopy(_ path: String, options: ConversionOptions) throws -> ClaimedFile {
    guard FileSystem.isRegularFile(path) else {
      throw ConfigurationError(.notARegularFile, ["path": .text(path)])
    }
    let name = OutputName.safe((path as NSString).lastPathComponent)
    let batch = try newBatchID()
    let claimed = "\(layout.work)/\(batch)-\(name)"
    let temporary = "\(layout.work)/.\(batch)-\(name).tmp"
    // Recorded, and synced, before the copy makes anything to sync but itself: a
    // conversion finished by `recover` after a crash still honours what the command
    // line asked for, and knows its file for a copy, to be checked.
    try manifest.recordOptions(options, of: batch, copied: true)
    let inspector = BackgroundInspector(reading: temporary)
    let size: Int
    do {
      size = try FileSystem.copy(path, to: temporary) { inspector.grew(to: $0) }
    } catch let rejection as FileRejection {
      FileSystem.remove(temporary)
      throw ConfigurationError(
        .cannotReadFile, ["path": .text(path), "reason": .message(rejection.message)])
    }
    let facts = Result { () throws(FileRejection) in
      try FileInspection.checkSize(size, limits: settings.limits)
      return try inspector.facts(fallback: settings.fallbackEncoding)
    }
    try manifest.recordCopy(ClaimedCopy(size: size, sha256: try? facts.get().sha256), of: batch)
    try FileSystem.rename(temporary, to: claimed)
    return ClaimedFile(
      batch: batch, originalName: name, path: claimed, facts: facts,
      copySync: BackgroundSync(claimed))
  }

  /// Makes a claimed copy durable, under its claimed name, before its batch is
  /// recorded as finished.
  private func secureCopy(_ file: ClaimedFile) throws {
    guard let copySync = file.copySync else { return }
    try copySync.wait()
    FileSystem.syncDirectory(layout.work)
  }

  /// A batch id no batch has used (ids carry only 16 random bits per second).
  private func newBatchID() throws -> String {
    while true {
      let batch = BatchID.make(at: clock())
      let used = FileSystem.entries(of: layout.work).contains { $0.hasPrefix(batch) }
      if !used, try manifest.batchState(batch) == nil { return batch }
    }
  }

  // MARK: Processing

  /// Where the progress line of a large file goes (a terminal); nil: no line.
  var progressOutput: (@Sendable (String) -> Void)? = nil

  func process(_ file: ClaimedFile, options: ConversionOptions = ConversionOptions()) throws
    -> BatchOutcome
  {
    let started = clock()
    let progress = progressLine(for: file)
    defer { progress?.finish() }
    var outcome = BatchOutcome(batch: file.batch, file: file.originalName, state: .done)
    var batch = BatchRecord(
      id: file.batch, sourceName: file.originalName, folder: "sage", direction: "sage-to-sm",
      state: .done, claimedAt: Timestamp.iso(started))
    var committed = false
    do {
      let (facts, format) = try admit(file, options: options, into: &batch)
      if let previous = try manifest.processedBatch(
        sha256: facts.sha256, entity: options.entity?.rawValue)
      {
        try archiveDuplicate(file, of: previous, batch: &batch, outcome: &outcome)
        log(outcome, started: started)
        return outcome
      }
      let convert = try conversion(
        of: file, facts: facts, format: format, options: options, started: started,
        batch: &batch)
      let result = try commit(convert, of: file, batch: &batch)
      // From here the batch is committed: its outputs must survive any failure,
      // to be published by `recover` if not now.
      committed = true
      outcome.entity = result.entity
      outcome.counts = result.counts
      try publish(result.outputs)
      outcome.outputs = result.outputs.map(\.path)
      try archive(file)
    } catch let rejection as FileRejection {
      removeTemporaryOutputs(of: file.batch, extra: options.outputFolder)
      outcome.outputs = [try reject(file, batch: batch, because: rejection)]
      outcome.state = .rejected
      outcome.reason = rejection
    } catch {
      // The environment failed (disk full, folder not writable, manifest locked):
      // not the file's fault, so the attempt does not count against it.
      if !committed {
        removeTemporaryOutputs(of: file.batch, extra: options.outputFolder)
        try? manifest.forgetAttempt(file.batch)
      }
      throw error
    }
    log(outcome, started: started)
    return outcome
  }

  /// The progress line of a file large enough to need one, when there is a terminal.
  private func progressLine(for file: ClaimedFile) -> ProgressLine? {
    let size = DropFolder.observe(file.path)?.size ?? 0
    return progressOutput.flatMap { output in
      size >= ProgressLine.threshold
        ? ProgressLine(
          path: file.path, name: file.originalName, size: size,
          language: settings.reportLanguage, write: output) : nil
    }
  }

  /// Counts the attempt, takes the file's identity into `batch` and checks that it
  /// came through the right drop folder; returns what inspecting it found.
  private func admit(
    _ file: ClaimedFile, options: ConversionOptions, into batch: inout BatchRecord
  ) throws -> (facts: FileFacts, format: FileFormat) {
    // A copy's count is not synced: a sync would wait for the copy (see `claimCopy`).
    let attempts = try manifest.beginAttempt(file.batch, synced: !file.awaitsSync)
    // A file whose conversion was cut short too often is rejected, so that a file
    // crashing or hanging Passerelle can never block the files behind it.
    if attempts > settings.maximumAttempts {
      throw FileRejection(
        .processingFailed, .conversionKeptStopping, ["count": .number(attempts - 1)])
    }
    let facts =
      try file.facts?.get()
      ?? FileInspection.inspect(
        path: file.path, limits: settings.limits, fallback: settings.fallbackEncoding)
    batch.sha256 = facts.sha256
    batch.size = facts.size
    // Each drop folder takes one kind of file: a misplaced one is set aside.
    let format = FileFormat.sniff(path: file.path, bomLength: facts.bomLength)
    if options.sourceFolder == .salesManagement && format != .json {
      throw FileRejection(.malformedJSON, .sageExportInSalesManagementFolder)
    }
    if options.sourceFolder == .sage && format == .json {
      throw FileRejection(.unknownEntity, .jsonInSageFolder)
    }
    return (facts, format)
  }

  /// A file whose content an earlier batch already converted: recorded as a
  /// duplicate and archived, with nothing emitted.
  private func archiveDuplicate(
    _ file: ClaimedFile, of previous: String, batch: inout BatchRecord,
    outcome: inout BatchOutcome
  ) throws {
    batch.state = .duplicate
    batch.reasonCode = ReasonCode.duplicateFile.rawValue
    let reason = FileRejection(.duplicateFile, .duplicateOf, ["batch": .text(previous)])
    batch.reasonMessage = reason.text(in: settings.reportLanguage)
    batch.finishedAt = Timestamp.iso(clock())
    try secureCopy(file)
    try manifest.record(batch)
    try archive(file)
    outcome.state = .duplicate
    outcome.reason = reason
  }

  /// The conversion of the file's direction: a JSON file comes from Sales
  /// Management and goes to Sage, anything else is a Sage export.
  private func conversion(
    of file: ClaimedFile, facts: FileFacts, format: FileFormat, options: ConversionOptions,
    started: Date, batch: inout BatchRecord
  ) throws -> (ManifestTransaction) throws -> ExportConversion.Result {
    var settings = settings
    settings.pictureFolders = layout.pictureFolders(settings.pictureFolders)
    let outputs = ConversionOutputs(
      batch: file.batch, sourceName: file.originalName, sha256: facts.sha256,
      payloadFolder: options.outputFolder ?? layout.outSalesManagement,
      reportFolder: options.outputFolder ?? layout.rejects, createdAt: started,
      reportLanguage: settings.reportLanguage)
    guard format == .json else {
      return ExportConversion(
        path: file.path, facts: facts, settings: settings, outputs: outputs,
        forcedEntity: options.entity,
        allowMassDeletion: try options.allowMassDeletion
          || manifest.allowsMassDeletion(sha256: facts.sha256)
      ).run(in:)
    }
    guard facts.encoding == .utf8 else {
      throw FileRejection(.unreadableEncoding, .salesManagementFileNotUTF8)
    }
    batch.folder = "salesmanagement"
    batch.direction = "sm-to-sage"
    return SalesManagementConversion(
      path: file.path, sourceName: file.originalName, settings: settings, outputs: outputs,
      sageFolder: options.outputFolder ?? layout.outSage
    ).run(in:)
  }

  /// Converts and records the batch in one manifest transaction: the outputs and
  /// what the manifest learnt are kept together or not at all.
  private func commit(
    _ convert: (ManifestTransaction) throws -> ExportConversion.Result, of file: ClaimedFile,
    batch: inout BatchRecord
  ) throws -> ExportConversion.Result {
    try manifest.transaction { db in
      let result = try convert(db)
      try secureCopy(file)
      batch.entity = result.entity
      batch.counts = result.counts
      batch.finishedAt = Timestamp.iso(clock())
      try manifest.insert(batch, outputs: result.outputs, in: db)
      if settings.api != nil { try queueForDelivery(result.outputs, batch: batch.id, in: db) }
      return result
    }
  }

  /// With SM's API configured, what the batch produced for SM enters the delivery
  /// outbox in the batch's own transaction: committed together or not at all.
  private func queueForDelivery(
    _ outputs: [BatchOutput], batch: String, in db: ManifestTransaction
  ) throws {
    let feed = try OutboxFeed(transaction: db, batch: batch, at: clock())
    for output in outputs where output.kind == "payload" {
      guard (output.path as NSString).deletingLastPathComponent == layout.outSalesManagement
      else { continue }
      try feed.enqueue(payload: output.temporaryPath ?? output.path)
    }
    try feed.enqueueAllocatedCodes()
  }

  /// A message of the catalogue in the configured language.
  func say(_ key: MessageKey, _ values: [String: MessageValue] = [:]) -> String {
    Message(key, values).text(in: settings.reportLanguage)
  }

  private func log(_ outcome: BatchOutcome, started: Date) {
    let seconds = DecimalText.fixed(clock().timeIntervalSince(started), places: 2)
    let counts = outcome.counts
    var metadata: Logger.Metadata = [
      "batch": "\(outcome.batch)", "file": "\(outcome.file)",
      "outcome": "\(outcome.state.rawValue)",
      "seconds": "\(seconds)", "read": "\(counts.read)", "sent": "\(counts.emitted)",
      "unchanged": "\(counts.unchanged)", "deleted": "\(counts.deletions)",
      "rejected": "\(counts.rejected)", "warnings": "\(counts.warnings)",
    ]
    if let reason = outcome.reason { metadata["reason"] = "\(reason.code.rawValue)" }
    if let entity = outcome.entity { metadata["entity"] = "\(entity)" }
    let language = settings.reportLanguage
    let reason = MessageValue.text(outcome.reason?.text(in: language) ?? "")
    switch outcome.state {
    case .done:
      let values: [String: MessageValue] = [
        "file": .text(outcome.file), "entity": EntityName.value(outcome.entity),
        "read": .number(counts.read), "sent": .number(counts.emitted),
        "unchanged": .number(counts.unchanged), "deleted": .number(counts.deletions),
        "rejected": .number(counts.rejected), "warnings": .number(counts.warnings),
        "seconds": .decimal(seconds),
      ]
      logger.info("\(Message(.batchDone, values).text(in: language))", metadata: metadata)
    case .duplicate:
      let message = Message(.batchDuplicate, ["file": .text(outcome.file), "reason": reason])
      logger.notice("\(message.text(in: language))", metadata: metadata)
    case .rejected:
      let message = Message(
        .batchRejected,
        [
          "file": .text(outcome.file), "code": .text(outcome.reason?.code.rawValue ?? "?"),
          "reason": reason,
        ])
      logger.error("\(message.text(in: language))", metadata: metadata)
    }
  }

  // MARK: Commit and archive

  /// Renames the committed outputs from their temporary names to their final ones.
  func publish(_ outputs: [BatchOutput]) throws {
    var folders = Set<String>()
    for output in outputs {
      if let temporary = output.temporaryPath, FileSystem.exists(temporary) {
        try FileSystem.rename(temporary, to: output.path)
      }
      folders.insert((output.path as NSString).deletingLastPathComponent)
    }
    folders.forEach(FileSystem.syncDirectory)
  }

  func archive(_ file: ClaimedFile) throws {
    try FileSystem.rename(file.path, to: "\(layout.archive)/\(file.batch)-\(file.originalName)")
    FileSystem.syncDirectory(layout.archive)
    FileSystem.syncDirectory(layout.work)
  }

  private func rejectedPath(_ file: ClaimedFile) -> String {
    "\(layout.rejects)/\(file.batch)-\(OutputName.safe(file.originalName))"
  }

  /// Moves a whole file to `out/rejects/` next to its `.reason.json`; returns what
  /// is kept there for IT.
  @discardableResult
  func reject(_ file: ClaimedFile, batch: BatchRecord, because rejection: FileRejection) throws
    -> String
  {
    var batch = batch
    batch.state = .rejected
    batch.reasonCode = rejection.code.rawValue
    batch.reasonMessage = rejection.text(in: settings.reportLanguage)
    batch.finishedAt = Timestamp.iso(clock())
    if batch.sha256 == nil && rejection.code != .tooLarge {
      // Rejected before its identity was taken (empty, binary): IT still gets it.
      batch.sha256 = try? FileInspection.sha256(path: file.path)
    }
    let destination = rejectedPath(file)
    var reason = JSONBytes()
    reason.raw("{\n  \"file\": ")
    reason.string(file.originalName)
    reason.raw(",\n  \"sha256\": ")
    reason.string(batch.sha256 ?? "")
    reason.raw(",\n  \"code\": ")
    reason.string(rejection.code.rawValue)
    reason.raw(",\n  \"message\": ")
    reason.string(rejection.message.text(in: settings.reportLanguage))
    if let line = rejection.line {
      reason.raw(",\n  \"line\": ")
      reason.integer(line)
    }
    if let field = rejection.field {
      reason.raw(",\n  \"field\": ")
      reason.string(field)
    }
    reason.raw(",\n  \"batch\": ")
    reason.string(file.batch)
    reason.raw(",\n  \"detectedAt\": ")
    reason.string(batch.finishedAt!)
    reason.raw("\n}\n")
    try secureCopy(file)
    try FileSystem.writeAtomically(reason.bytes, to: destination + ".reason.json")
    try manifest.record(batch)
    let kept = try setAside(file)
    FileSystem.syncDirectory(layout.rejects)
    return kept
  }

  /// Moves a rejected file next to its reason and returns what is kept. A symbolic
  /// link is deleted instead (its reason names the target): kept in out/rejects/,
  /// it could be followed by whoever opens that folder through a share.
  private func setAside(_ file: ClaimedFile) throws -> String {
    let destination = rejectedPath(file)
    if FileSystem.isSymbolicLink(file.path) {
      FileSystem.remove(file.path)
      return destination + ".reason.json"
    }
    try FileSystem.rename(file.path, to: destination)
    return destination
  }

  /// Outputs a batch left under temporary names (`.<batch>-…`) are removed.
  func removeTemporaryOutputs(of batch: String, extra: String? = nil) {
    for folder in layout.outputFolders + [extra].compactMap({ $0 }) {
      for name in FileSystem.entries(of: folder) where name.hasPrefix(".\(batch)-") {
        FileSystem.remove("\(folder)/\(name)")
      }
    }
  }

  // MARK: Recovery

  /// Finishes what a killed run left in `out/work/`: committed batches are
  /// published and archived, uncommitted ones are converted again (a copy made by
  /// `convert` only if it still holds the bytes it was claimed with).
  func recover() throws -> [BatchOutcome] {
    var outcomes: [BatchOutcome] = []
    for name in FileSystem.entries(of: layout.work) {
      let path = "\(layout.work)/\(name)"
      if name.hasPrefix(".") {
        FileSystem.remove(path)  // a copy interrupted before its claim
        continue
      }
      guard let (batch, original) = BatchID.split(name) else { continue }
      let file = ClaimedFile(batch: batch, originalName: original, path: path)
      switch try manifest.batchState(batch) {
      case BatchState.done.rawValue:
        let outputs = try manifest.outputs(of: batch)
        try publish(outputs)
        try archive(file)
        logger.notice(
          "\(say(.batchResumedFinished, ["file": .text(original), "batch": .text(batch)]))")
        if var outcome = try manifest.outcome(of: batch) {
          outcome.outputs = outputs.map(\.path)
          outcomes.append(outcome)
        }
      case BatchState.duplicate.rawValue:
        try archive(file)
      case BatchState.rejected.rawValue:
        let kept = try setAside(file)
        if var outcome = try manifest.outcome(of: batch) {
          outcome.outputs = [kept]
          outcomes.append(outcome)
        }
      default:
        let options = try manifest.options(of: batch)
        removeTemporaryOutputs(of: batch, extra: options.outputFolder)
        var file = file
        if let copy = try manifest.claimedCopy(of: batch) {
          guard try holds(file, copy) else { continue }
          file.copySync = BackgroundSync(file.path)
        }
        logger.notice(
          "\(say(.batchResumedConverting, ["file": .text(original), "batch": .text(batch)]))")
        outcomes.append(try process(file, options: options))
      }
    }
    return outcomes
  }

  /// Whether a copy made by `convert` can be converted again: it must still hold
  /// the bytes recorded when it was claimed (a crash of the system may have cut it
  /// short before it was synced). One that does not, or whose bytes were not
  /// recorded, is dropped: its original was left in place, for `convert` to be run
  /// again. A copy that cannot be read stops the recovery, to be tried again.
  private func holds(_ file: ClaimedFile, _ copy: ClaimedCopy) throws -> Bool {
    if let size = copy.size, let sha256 = copy.sha256,
      DropFolder.observe(file.path)?.size == size,
      try FileInspection.sha256(path: file.path) == sha256
    {
      return true
    }
    FileSystem.remove(file.path)
    FileSystem.syncDirectory(layout.work)
    let names: [String: MessageValue] = [
      "file": .text(file.originalName), "batch": .text(file.batch),
    ]
    logger.warning("\(say(.claimedCopyIncomplete, names))")
    return false
  }
}
