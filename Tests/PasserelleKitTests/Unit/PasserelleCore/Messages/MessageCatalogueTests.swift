import Foundation
import Testing

@testable import PasserelleCore

/// The catalogue holds every text a person reads, in both languages, and the
/// places that fill a message name exactly the placeholders its texts use.
@Suite struct MessageCatalogueTests {
  @Test(arguments: MessageKey.allCases)
  func everyKeyHasATextInFrenchAndEnglish(_ key: MessageKey) throws {
    let template = try #require(MessageCatalogue.templates[key], "\(key) has no texts")
    #expect(!template.french.isEmpty, "\(key) lacks its French text")
    #expect(!template.english.isEmpty, "\(key) lacks its English text")
  }

  @Test(arguments: MessageKey.allCases)
  func bothLanguagesNameTheSamePlaceholders(_ key: MessageKey) throws {
    let template = try #require(MessageCatalogue.templates[key])
    let french = Set(MessageTemplate.placeholders(template.french))
    let english = Set(MessageTemplate.placeholders(template.english))
    #expect(french == english, "\(key): French \(french.sorted()), English \(english.sorted())")
    for name in french.union(english) {
      #expect(name.wholeMatch(of: /[a-z][A-Za-z0-9]*/) != nil, "\(key): placeholder {\(name)}")
    }
  }

  /// Every reason code is explained, with a fix, in both languages.
  @Test(arguments: ReasonCode.allCases)
  func everyReasonCodeIsExplainedInFrenchAndEnglish(_ code: ReasonCode) throws {
    let texts = try #require(MessageCatalogue.reasons[code], "\(code.rawValue) has no texts")
    for help in [texts.french, texts.english] {
      #expect(!help.explanation.isEmpty, "\(code.rawValue) lacks an explanation")
      #expect(!help.fix.isEmpty, "\(code.rawValue) lacks a fix")
    }
    #expect(texts.french.explanation != texts.english.explanation, "\(code.rawValue)")
    #expect(texts.french.fix != texts.english.fix, "\(code.rawValue)")
  }

  /// Each place in the sources that builds a message from a literal key gives a
  /// value to every placeholder of its texts, and to nothing else.
  @Test func everyMessageBuiltInTheSourcesFillsItsPlaceholders() throws {
    let sites = try MessageSite.all(under: TestFiles.repository.appendingPathComponent("Sources"))
    #expect(sites.count > 190, "only \(sites.count) sites found: the scan is broken")
    for site in sites {
      guard let key = MessageKey(rawValue: site.key) else {
        Issue.record("\(site.place): .\(site.key) is not a message key")
        continue
      }
      let expected = Set(MessageTemplate.placeholders(MessageCatalogue.templates[key]!.french))
      #expect(site.names == expected, "\(site.place): .\(site.key) fills \(site.names.sorted())")
    }
  }

  @Test func aMessageIsWrittenInTheReadersLanguage() {
    let message = Message(
      .massDeletion,
      [
        "missing": 12_000, "known": 40_000, "records": .message(Message(.customers)), "share": 30,
        "allowed": 20, "sha256": "abc",
      ])
    #expect(
      message.text(in: .french).hasPrefix(
        "L'export supprimerait 12\u{00A0}000 des 40\u{00A0}000 clients connus (30 %"))
    #expect(
      message.text(in: .english).hasPrefix(
        "The export would delete 12,000 of the 40,000 known customers (30 %"))
    #expect(message.description == message.text(in: .french))
  }

  @Test func numbersAndDecimalsFollowTheLanguage() {
    #expect(MessageValue.number(1234).text(in: .french) == "1234")
    #expect(MessageValue.number(12345).text(in: .french) == "12\u{00A0}345")
    #expect(MessageValue.number(-1_048_576).text(in: .english) == "-1,048,576")
    #expect(MessageValue.decimal("359.36").text(in: .french) == "359,36")
    #expect(MessageValue.decimal("359.36").text(in: .english) == "359.36")
  }

  @Test func aValueFromAFileIsNeverReadAsAPlaceholder() {
    let message = Message(.unknownHeader, ["start": "{start}, {other}"])
    #expect(message.text(in: .english).contains("it starts with: {start}, {other})"))
  }

  @Test func theWhereOfAFileRejectionGoesInsideItsSentence() {
    let rejection = FileRejection(.tooLarge, .recordTooLong, ["limit": 2048], line: 7)
    #expect(rejection.text(in: .english).hasSuffix("then export again (line 7)."))
    #expect(rejection.text(in: .french).hasSuffix("puis exporter de nouveau (ligne 7)."))
  }
}

/// A literal message key and the placeholder names given with it, found in a source file.
private struct MessageSite {
  var place: String
  var key: String
  var names: Set<String>

  /// `Message(.key, [...])`, `say(.key, [...])`, `PicturePathProblem(.key, …)`,
  /// `ConfigurationError(.key, [...])`, `EnvironmentFailure(.key, [...])` and
  /// `FileRejection(code, .key, [...])`.
  static var opening: Regex<(Substring, Substring?, Substring?, Substring?)> {
    /(?:Message|PicturePathProblem|ConfigurationError|EnvironmentFailure)\(\s*\.(\w+)|say\(\s*\.(\w+)|FileRejection\(\s*\.\w+,\s*\.(\w+)/
  }

  static func all(under folder: URL) throws -> [MessageSite] {
    var sites: [MessageSite] = []
    let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
    for case let file as URL in files where file.pathExtension == "swift" {
      let text = try String(contentsOf: file, encoding: .utf8)
      for match in text.matches(of: opening) {
        let key = String(match.output.1 ?? match.output.2 ?? match.output.3!)
        let call = arguments(in: text[match.range.upperBound...])
        let rest = call.drop { $0 == "," || $0.isWhitespace }
        // Values given as a variable are checked where they are built.
        let isLiteral =
          rest.isEmpty || rest.first == "[" || rest.wholeMatch(of: /(?s)\w+:.*/) != nil
        guard isLiteral else { continue }
        let values = rest.first == "[" ? String(rest) : ""
        let names = Set(values.matches(of: /"(\w+)":/).map { String($0.output.1) })
        sites.append(MessageSite(place: file.lastPathComponent, key: key, names: names))
      }
    }
    return sites
  }

  /// The rest of the call, up to its closing parenthesis, without nested calls' arguments.
  static func arguments(in rest: Substring) -> String {
    var depth = 1
    var result = ""
    for character in rest {
      if character == "(" { depth += 1 }
      if character == ")" { depth -= 1 }
      if depth == 0 { break }
      if depth == 1 { result.append(character) }
    }
    return result
  }
}
