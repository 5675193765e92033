/// Keeps the first error libxml2 reports, instead of letting it print to stderr.
package final class XMLErrorCollector {
  var message: String? = nil
  var line: Int? = nil
  /// libxml2 stopped at its hard limit on text nodes (10 MB), which it reports
  /// as a "huge text node" (libxml2 2.9 files it as running out of memory).
  var hitParserLimit = false
}
