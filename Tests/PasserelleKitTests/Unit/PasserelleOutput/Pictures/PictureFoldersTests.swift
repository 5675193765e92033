import Foundation
import Testing

@testable import PasserelleCore
@testable import PasserelleOutput

#if canImport(Glibc)
  import Glibc
#endif

struct PictureFoldersTests {
  // MARK: Names from Sage paths

  @Test(arguments: [
    ("C:\\Sage\\Images\\ART01.jpg", "ART01.jpg"),
    ("\\\\serveur\\partage\\img\\ART01.png", "ART01.png"),
    ("/mnt/images/ART01.jpeg", "ART01.jpeg"),
    ("images/sub/ART01.GIF", "ART01.GIF"),
    ("C:/Mixed\\separators/ART01.tiff", "ART01.tiff"),
    ("ART01.webp", "ART01.webp"),
    ("  C:\\Images\\Photo article 01.JPG  ", "Photo article 01.JPG"),
    ("\"C:\\Images\\ART01.bmp\"", "ART01.bmp"),
    ("D:\\Images\\ART.01.v2.tif", "ART.01.v2.tif"),
    ("C:\\Images\\Été 2024.png", "Été 2024.png"),
    (String(repeating: "a", count: 251) + ".jpg", String(repeating: "a", count: 251) + ".jpg"),
  ])
  func nameFromSagePath(raw: String, name: String) {
    #expect(PictureName.fileName(fromSagePath: raw) == .success(name))
  }

  private static let expected = "expected one of bmp, gif, jpeg, jpg, png, tif, tiff, webp"

  private static func outside(_ ending: String) -> String {
    "the picture path ends in '\(ending)'; only a file name inside the image folders is used"
  }

  private static func control(_ codePoint: String) -> String {
    "the picture path contains a control character (\(codePoint)); only a plain file name can be "
      + "looked up"
  }

  @Test(arguments: [
    ("..", outside("..")),
    ("C:\\x\\..", outside("..")),
    ("images/.", outside(".")),
    ("C:\\Images\\", "the picture path ends in a separator, so it names a folder, not a file"),
    ("", "the picture path is empty"),
    ("  ", "the picture path is empty"),
    ("ART\u{0}01.jpg", control("U+0000")),
    ("C:\\Images\\ART01\t.jpg", control("U+0009")),
    ("ART01\u{7F}.jpg", control("U+007F")),
    ("C:\\Images\\ART01", "the picture file name 'ART01' has no extension; \(expected)"),
    ("C:\\Images\\ART01.", "the picture file name 'ART01.' has no extension; \(expected)"),
    ("C:\\Images\\.jpg", "the picture file name '.jpg' has no extension; \(expected)"),
    ("C:\\Images\\ART01.pdf", "'ART01.pdf' is not a picture file; \(expected)"),
    ("ART01.jpg.exe", "'ART01.jpg.exe' is not a picture file; \(expected)"),
    (
      String(repeating: "é", count: 126) + ".jpg",
      "the picture file name is 256 bytes long; the limit is 255"
    ),
  ])
  func unsafeSagePath(raw: String, message: String) throws {
    guard case .failure(let problem) = PictureName.fileName(fromSagePath: raw) else {
      Issue.record("\(raw) was accepted")
      return
    }
    // The table writes each reason as a clause; the report shows it as a sentence.
    let sentence = message.prefix(1).uppercased() + message.dropFirst() + "."
    #expect(problem.message.text(in: .english) == sentence)
  }

  @Test func candidateNamesFromCode() {
    #expect(
      PictureName.candidateNames(forCode: " ART01 ") == [
        "ART01.jpg", "ART01.jpeg", "ART01.png", "ART01.gif", "ART01.webp", "ART01.bmp",
      ])
  }

  @Test(arguments: [
    "", " ", ".", "..", "../ART01", "A/B", "A\\B", "ART\u{1}", String(repeating: "A", count: 251),
  ])
  func noCandidateNamesFromUnsafeCode(code: String) {
    #expect(PictureName.candidateNames(forCode: code).isEmpty)
  }

  // MARK: Lookup

  /// A scratch folder holding two image folders and one outside them.
  private final class Fixture {
    let scratch: ScratchFolder
    let first: String
    let second: String
    let outside: String

    init(_ name: String = #function) throws {
      scratch = try TestFiles.scratch(name)
      first = scratch.file("images1")
      second = scratch.file("images2")
      outside = scratch.file("elsewhere")
      for folder in [first, second, outside] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      }
    }

    func folders(maximumBytes: Int = 20 << 20) -> PictureFolders {
      PictureFolders([first, second], maximumBytes: maximumBytes)
    }
  }

  private static func write(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  private static func link(_ path: String, to target: String) throws {
    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
  }

  private static func found(_ lookup: PictureLookup) throws -> ResolvedPicture {
    guard case .found(let picture) = lookup else { throw TestError("no picture: \(lookup)") }
    return picture
  }

  private static func picture(_ folder: String, _ name: String, size: Int) -> ResolvedPicture {
    ResolvedPicture(path: "\(folder)/\(name)", name: name, size: size)
  }

  /// Bytes that differ from chunk to chunk, so that a misplaced chunk shows.
  private static func pattern(_ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 16) }
  }

  @Test func exactName() throws {
    let fixture = try Fixture()
    try TestFiles.write("abc", to: "\(fixture.first)/ART01.jpg")
    let picture = ResolvedPicture(path: "\(fixture.first)/ART01.jpg", name: "ART01.jpg", size: 3)
    #expect(fixture.folders().resolve("ART01.jpg") == .found(picture))
  }

  @Test func nameInAnotherCase() throws {
    let fixture = try Fixture()
    try TestFiles.write("abc", to: "\(fixture.first)/ART01.JPG")
    let picture = ResolvedPicture(path: "\(fixture.first)/ART01.JPG", name: "ART01.JPG", size: 3)
    #expect(fixture.folders().resolve("art01.jpg") == .found(picture))
    #expect(fixture.folders().resolve("Art01.Jpg") == .found(picture))
  }

  @Test func exactNameBeforeOtherCase() throws {
    let fixture = try Fixture()
    try TestFiles.write("upper", to: "\(fixture.first)/ART01.jpg")
    try TestFiles.write("lower", to: "\(fixture.first)/art01.jpg")
    let folders = fixture.folders()
    #expect(
      folders.resolve("ART01.jpg")
        == .found(Self.picture(fixture.first, "ART01.jpg", size: 5)))
    #expect(
      folders.resolve("art01.jpg")
        == .found(Self.picture(fixture.first, "art01.jpg", size: 5)))
  }

  @Test func foldersSearchedInOrder() throws {
    let fixture = try Fixture()
    try TestFiles.write("second", to: "\(fixture.second)/ART02.png")
    try TestFiles.write("first", to: "\(fixture.first)/ART03.png")
    try TestFiles.write("second", to: "\(fixture.second)/ART03.png")
    let folders = fixture.folders()
    #expect(
      folders.resolve("ART02.png")
        == .found(Self.picture(fixture.second, "ART02.png", size: 6)))
    #expect(
      folders.resolve("ART03.png")
        == .found(Self.picture(fixture.first, "ART03.png", size: 5)))
  }

  @Test func missingPicture() throws {
    let fixture = try Fixture()
    try TestFiles.write("abc", to: "\(fixture.first)/ART01.jpg")
    #expect(fixture.folders().resolve("ART02.jpg") == .missing)
    #expect(fixture.folders().resolve("..") == .missing)
    #expect(fixture.folders().resolve("../elsewhere") == .missing)
  }

  @Test func folderThatDoesNotExistIsEmpty() throws {
    let fixture = try Fixture()
    try TestFiles.write("abc", to: "\(fixture.second)/ART01.jpg")
    let folders = PictureFolders([fixture.scratch.file("absent"), fixture.second])
    #expect(folders.resolve("ART04.jpg") == .missing)
    #expect(
      folders.resolve("ART01.jpg")
        == .found(Self.picture(fixture.second, "ART01.jpg", size: 3)))
  }

  @Test func foldersListedOnce() throws {
    let fixture = try Fixture()
    let folders = fixture.folders()
    #expect(folders.resolve("ART01.jpg") == .missing)
    try TestFiles.write("abc", to: "\(fixture.first)/ART01.jpg")
    #expect(folders.resolve("ART01.jpg") == .missing)
    #expect(fixture.folders().resolve("ART01.jpg") != .missing)
  }

  @Test func linkToAFileInsideTheFolder() throws {
    let fixture = try Fixture()
    try TestFiles.write("abcd", to: "\(fixture.first)/original.jpg")
    try Self.link("\(fixture.first)/ART01.jpg", to: "original.jpg")
    let picture = try Self.found(fixture.folders().resolve("ART01.jpg"))
    #expect(picture.name == "ART01.jpg")
    #expect(picture.size == 4)
    #expect(picture.path.hasSuffix("/images1/original.jpg"))
  }

  @Test func linkToAFileOutsideTheFolder() throws {
    let fixture = try Fixture()
    try TestFiles.write("secret", to: "\(fixture.outside)/secret.jpg")
    try TestFiles.write("other", to: "\(fixture.second)/other.jpg")
    try Self.link("\(fixture.first)/ART01.jpg", to: "\(fixture.outside)/secret.jpg")
    try Self.link("\(fixture.first)/ART02.jpg", to: "../elsewhere/secret.jpg")
    try Self.link("\(fixture.first)/ART03.jpg", to: "/etc/passwd")
    try Self.link("\(fixture.first)/ART04.jpg", to: "\(fixture.second)/other.jpg")
    let folders = fixture.folders()
    for name in ["ART01.jpg", "ART02.jpg", "ART03.jpg", "ART04.jpg"] {
      #expect(
        folders.resolve(name)
          == Self.unsafe(
            "The picture is a link to a file outside the image folders: copy the picture itself into the folder.",
            "L'image est un lien vers un fichier hors des dossiers d'images : copier l'image elle-même dans le dossier."
          ),
        "\(name)")
    }
  }

  @Test func linkThatLeadsNowhere() throws {
    let fixture = try Fixture()
    try Self.link("\(fixture.first)/ART01.jpg", to: "gone.jpg")
    #expect(
      fixture.folders().resolve("ART01.jpg")
        == Self.unsafe(
          "The picture is a link to a file that does not exist.",
          "L'image est un lien vers un fichier qui n'existe pas."))
  }

  @Test func linkToAFolderInside() throws {
    let fixture = try Fixture()
    try FileManager.default.createDirectory(
      atPath: "\(fixture.first)/sub", withIntermediateDirectories: true)
    try Self.link("\(fixture.first)/ART01.jpg", to: "sub")
    #expect(
      fixture.folders().resolve("ART01.jpg")
        == Self.unsafe(
          "The picture is a link to something that is not a file.",
          "L'image est un lien vers autre chose qu'un fichier."))
  }

  @Test func folderNamedLikeAPicture() throws {
    let fixture = try Fixture()
    try FileManager.default.createDirectory(
      atPath: "\(fixture.first)/ART01.jpg", withIntermediateDirectories: true)
    try TestFiles.write("abc", to: "\(fixture.second)/ART01.jpg")
    #expect(
      fixture.folders().resolve("ART01.jpg")
        == Self.unsafe(
          "The picture is a folder, not a file.", "L'image est un dossier, pas un fichier."))
  }

  @Test func pipeNamedLikeAPicture() throws {
    let fixture = try Fixture()
    #expect(mkfifo("\(fixture.first)/ART01.jpg", 0o600) == 0)
    #expect(
      fixture.folders().resolve("ART01.jpg")
        == Self.unsafe(
          "The picture is not a regular file (a device, pipe or socket).",
          "L'image n'est pas un fichier ordinaire (périphérique, tube ou socket)."))
  }

  @Test func sizeLimit() throws {
    let fixture = try Fixture()
    try Self.write(Self.pattern(3 << 19), to: "\(fixture.first)/big.jpg")
    try Self.write(Self.pattern(1 << 20), to: "\(fixture.first)/limit.jpg")
    let folders = fixture.folders(maximumBytes: 1 << 20)
    guard case .unsafe(let tooLarge) = folders.resolve("big.jpg") else {
      Issue.record("a picture over the limit was accepted")
      return
    }
    #expect(tooLarge.text(in: .english).hasPrefix("The picture is 1.5 MB; the limit is 1 MB."))
    #expect(tooLarge.text(in: .french).hasPrefix("L'image fait 1,5 Mo ; la limite est de 1 Mo."))
    #expect(
      folders.resolve("limit.jpg")
        == .found(Self.picture(fixture.first, "limit.jpg", size: 1 << 20)))
  }

  @Test(arguments: [
    (0, "0 bytes", "0 octets"), (1000, "1000 bytes", "1000 octets"), (1500, "2 KB", "2 Ko"),
    (20 << 20, "20 MB", "20 Mo"), ((20 << 20) + 1, "20.1 MB", "20,1 Mo"),
    (3 << 19, "1.5 MB", "1,5 Mo"),
  ])
  func sizesForPeople(bytes: Int, english: String, french: String) {
    #expect(PictureFolders.formatted(bytes).text(in: .english) == english)
    #expect(PictureFolders.formatted(bytes).text(in: .french) == french)
  }

  // MARK: Reading

  @Test func sha256OfAKnownContent() throws {
    let fixture = try Fixture()
    try TestFiles.write("abc", to: "\(fixture.first)/abc.jpg")
    try Self.write(
      Array(repeating: UInt8(ascii: "a"), count: 1_000_000), to: "\(fixture.first)/million.png")
    try Self.link("\(fixture.first)/linked.jpg", to: "abc.jpg")
    let folders = fixture.folders()
    for (name, digest) in [
      ("abc.jpg", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      ("linked.jpg", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      ("million.png", "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ] {
      #expect(try folders.sha256(of: Self.found(folders.resolve(name))) == digest, "\(name)")
    }
  }

  @Test func pictureGoneAfterLookup() throws {
    let fixture = try Fixture()
    try TestFiles.write("abc", to: "\(fixture.first)/ART01.jpg")
    let folders = fixture.folders()
    let picture = try Self.found(folders.resolve("ART01.jpg"))
    try FileManager.default.removeItem(atPath: picture.path)
    #expect(throws: FileRejection.self) { try folders.sha256(of: picture) }
    #expect(throws: FileRejection.self) {
      try folders.copy(picture, to: fixture.scratch.file("copy.jpg"))
    }
    #expect(!FileManager.default.fileExists(atPath: fixture.scratch.file("copy.jpg")))
  }

  @Test func pictureReplacedByALinkAfterLookup() throws {
    let fixture = try Fixture()
    try TestFiles.write("abc", to: "\(fixture.first)/ART01.jpg")
    try TestFiles.write("secret", to: "\(fixture.outside)/secret.jpg")
    let folders = fixture.folders()
    let picture = try Self.found(folders.resolve("ART01.jpg"))
    try FileManager.default.removeItem(atPath: picture.path)
    try Self.link(picture.path, to: "\(fixture.outside)/secret.jpg")
    #expect(throws: FileRejection.self) { try folders.sha256(of: picture) }
  }

  @Test func copyKeepsTheBytes() throws {
    let fixture = try Fixture()
    let bytes = Self.pattern(200_000)
    try Self.write(bytes, to: "\(fixture.first)/ART01.jpg")
    let destination = fixture.scratch.file("ART01-copy.jpg")
    try TestFiles.write("an older, longer copy that must be replaced entirely", to: destination)
    let folders = fixture.folders()
    let picture = try Self.found(folders.resolve("ART01.jpg"))
    try folders.copy(picture, to: destination)
    #expect(try Data(contentsOf: URL(fileURLWithPath: destination)) == Data(bytes))
    let attributes = try FileManager.default.attributesOfItem(atPath: destination)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o644)
  }

  @Test func copyIntoAMissingFolder() throws {
    let fixture = try Fixture()
    try TestFiles.write("abc", to: "\(fixture.first)/ART01.jpg")
    let folders = fixture.folders()
    let picture = try Self.found(folders.resolve("ART01.jpg"))
    let destination = fixture.scratch.file("absent/ART01.jpg")
    do {
      try folders.copy(picture, to: destination)
      Issue.record("the copy did not fail")
    } catch let failure as EnvironmentFailure {
      #expect(failure.path == destination)
    }
  }

  /// An unsafe lookup whose message reads `english` and `french`, word for word.
  static func unsafe(_ english: String, _ french: String) -> UnsafeText {
    UnsafeText(english: english, french: french)
  }
}

/// Compares a lookup with the texts its message must read in both languages.
struct UnsafeText: Equatable {
  var english: String
  var french: String

  static func == (lookup: PictureLookup, expected: UnsafeText) -> Bool {
    guard case .unsafe(let message) = lookup else { return false }
    return message.text(in: .english) == expected.english
      && message.text(in: .french) == expected.french
  }
}
