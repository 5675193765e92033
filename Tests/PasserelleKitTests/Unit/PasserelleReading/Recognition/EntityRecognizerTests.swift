import Testing

@testable import PasserelleCore
@testable import PasserelleReading

/// Which Sage export a header is, from its labels alone.
@Suite struct EntityRecognizerTests {
  static func recognise(_ labels: [String]) -> SageEntity? {
    EntityRecognizer.recognise(Header(labels: labels))
  }

  /// Every shipped export, in every format, is recognised from its own header.
  @Test(arguments: [
    ("Export des représentants.Txt", SageEntity.representatives),
    ("Export des clients.Txt", .customers), ("clients-excel.csv", .customers),
    ("clients.xml", .customers), ("Export des prospects.Txt", .prospects),
    ("Export des contacts.Txt", .contacts), ("Export des articles.Txt", .articles),
    ("articles.xml", .articles), ("Export des factures.Txt", .documents),
    ("Export des devis.Txt", .documents),
  ])
  func eachSampleIsRecognisedFromItsHeader(name: String, entity: SageEntity) throws {
    let labels = try readAll(TestFiles.sample(name)).labels
    #expect(Self.recognise(labels) == entity)
  }

  /// The smallest header of each export: its key labels and one label only it has
  /// (two for customers and documents), whatever their spelling.
  @Test(arguments: [
    (["Code", "Nom", "Commission"], SageEntity.representatives),
    (["code représentant", "NOM", "Région"], .representatives),
    (["Code", "Nom", "Famille clients", "Type de client"], .customers),
    (["Code client", "Société", "Compte Comptable"], .customers),
    (["Code prospect", "Nom"], .prospects),
    (["Code", "Société", "Type de prospect"], .prospects),
    (["Code client", "Nom", "Prénom"], .contacts),
    (["Code", "Désignation courte", "Prix de vente HT"], .articles),
    (["Type de Ligne", "Type de pièce", "N° pièce", "Code article"], .documents),
  ])
  func eachEntitysHeaderIsRecognised(labels: [String], entity: SageEntity) {
    #expect(Self.recognise(labels) == entity)
  }

  /// A customers export with a prospect-type column is a prospects list, never customers.
  @Test func aProspectTypeColumnMakesAProspectsList() {
    let customers = ["Code", "Nom", "Société", "Famille clients", "Type de client"]
    #expect(Self.recognise(customers) == .customers)
    #expect(Self.recognise(customers + ["Type de prospect"]) == .prospects)
  }

  /// Key labels without enough of the labels only one export has are no export.
  @Test(arguments: [
    [], ["Article", "Prix"], ["Code", "Nom"], ["Code", "Nom", "Société"],
    ["Code client", "Code contact"], ["Type de Ligne", "Type de pièce", "N° pièce"],
    ["Désignation courte", "Prix de vente HT", "Stock réel"],
  ])
  func anUnknownHeaderIsRefused(labels: [String]) {
    #expect(Self.recognise(labels) == nil)
  }
}
