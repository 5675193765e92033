import Foundation
import PasserelleCore

extension Passerelle {
  /// `passerelle report`: rewrites `out/rapport.html` from the manifest (read only)
  /// and `out/`, and returns its path. A manifest that cannot be read is an
  /// `EnvironmentFailure` (exit code 3); without one yet, the page says so.
  public func writeReport() throws -> String {
    try writeReport(cache: RowReportCache())
  }

  func writeReport(cache: RowReportCache) throws -> String {
    let content = try ReportContent.gather(
      layout, dossier: dossierName, now: clock(), cache: cache)
    let html = ReportPage.html(content, text: ReportText(settings.reportLanguage))
    do {
      try FileSystem.createDirectory(layout.out)
    } catch {
      throw EnvironmentFailure(.cannotCreateFolder, path: layout.out)
    }
    return try HTMLReportFile.write(html, into: layout.out)
  }

  /// After a pass: the report rewritten. A failure is logged only: the pass's own
  /// outcome and exit code stand.
  func refreshReport(cache: RowReportCache = RowReportCache()) {
    do {
      _ = try writeReport(cache: cache)
    } catch {
      logger.warning(
        "\(say(.reportNotRewritten, ["path": .text("\(layout.out)/\(HTMLReportFile.name)"), "error": .failure(error)]))"
      )
    }
  }
}
