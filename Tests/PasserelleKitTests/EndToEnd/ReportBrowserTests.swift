import Foundation
import Testing

@testable import PasserelleKit

/// `out/rapport.html` as IT opens it: the real binary on the shipped samples (one
/// customer with a hostile code and name, and a file that is not an export), then
/// the page loaded in headless Chromium and its DOM read.
@Suite(.serialized) struct ReportBrowserTests {
  static let hostile = "<script>alert(1)</script>"
  /// Not an export: set aside, its name needing both escaping and percent-encoding.
  static let strayFile = "Notes & 'brouillon' #1 100%.txt"

  /// A root holding every sample, the customers' edited.
  func sampleRoot() throws -> ScratchFolder {
    let root = try TestFiles.scratch("ReportBrowser")
    #expect(try PasserelleProcess.run(["init", "--root", root.path]).status == 0)
    try TestFiles.write("[sync]\nstability_seconds = 0\n", to: root.file("passerelle.toml"))
    let watch = root.file("watch/sage")
    for name in try FileManager.default.contentsOfDirectory(atPath: TestFiles.sample("")) {
      try FileManager.default.copyItem(atPath: TestFiles.sample(name), toPath: "\(watch)/\(name)")
    }
    let customers = try SageSamples.edited(
      SageSamples.customers, key: "Code",
      changing: [
        "C00019-ARCHIVES": ["Code": Self.hostile, "Société": Self.hostile, "Nom": Self.hostile]
      ])
    try Data(customers).write(to: URL(fileURLWithPath: "\(watch)/\(SageSamples.customers)"))
    try TestFiles.write("pas un export\n", to: "\(watch)/\(Self.strayFile)")
    let smSamples = TestFiles.repository.appendingPathComponent("samples/salesmanagement").path
    for name in try FileManager.default.contentsOfDirectory(atPath: smSamples) {
      try FileManager.default.copyItem(
        atPath: "\(smSamples)/\(name)", toPath: root.file("watch/salesmanagement/\(name)"))
    }
    return root
  }

  @Test func theReportOnTheSamplesRendersWithEverySectionEscapedAndLinked() throws {
    _ = try Chromium.executable()
    let root = try sampleRoot()
    let run = try PasserelleProcess.run(["run", "--once", "--root", root.path])
    #expect(run.status == 1, "rows were rejected: \(run.error)")
    let page = root.file("out/rapport.html")
    #expect(FileManager.default.fileExists(atPath: page), "written after the pass")
    let report = try PasserelleProcess.run(["report", "--root", root.path])
    #expect(report.status == 0, "\(report.error)")
    #expect(report.error.contains("rapport.html"))

    let (dom, log) = try Chromium.dumpDOM(of: page, in: root)
    for id in ReportPage.sections {
      #expect(dom.contains(#"id="\#(id)""#), "section \(id) is missing")
    }
    #expect(!dom.lowercased().contains("<script"), "a script element is in the page")
    #expect(
      dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the hostile code is not shown as text"
    )
    let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }
    #expect(console.isEmpty, "the page ran something: \(console)")
    let links = try checkLinks(in: dom, relativeTo: root.file("out"))
    #expect(links.contains { $0.hasSuffix(".rejects.csv") }, "no link to a row report: \(links)")
    #expect(links.contains("rejects/\(try setAsideName(in: root))"), "\(links)")
    // The French page: the explanation and the fix of a reason the samples hold.
    #expect(dom.contains("Dans Sage 50, compléter le code dans la fiche"))
  }

  /// Every `href` names an element of the page or a file under `out/`; returns
  /// the files' paths, decoded.
  func checkLinks(in dom: String, relativeTo out: String) throws -> [String] {
    let hrefs = dom.components(separatedBy: "href=\"").dropFirst().map {
      String($0.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
    }
    #expect(!hrefs.isEmpty)
    var files: [String] = []
    for href in hrefs {
      if href.hasPrefix("#") {
        #expect(dom.contains("id=\"\(href.dropFirst())\""), "broken anchor \(href)")
        continue
      }
      #expect(!href.contains(":") && !href.hasPrefix("/"), "not a relative link: \(href)")
      let path = try #require(href.removingPercentEncoding, "bad encoding in \(href)")
      #expect(FileManager.default.fileExists(atPath: "\(out)/\(path)"), "broken link \(href)")
      files.append(path)
    }
    return files
  }

  /// The name the stray file was set aside under, `<batch>-<name>`.
  func setAsideName(in root: ScratchFolder) throws -> String {
    try #require(root.files(in: "out/rejects").first { $0.hasSuffix("-\(Self.strayFile)") })
  }
}
