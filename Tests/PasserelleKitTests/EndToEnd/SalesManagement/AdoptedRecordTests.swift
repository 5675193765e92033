import Foundation
import Testing

/// What becomes of an SM record a Sage record took over, through the exports that
/// follow: the real binaries, SM emulated on loopback.
@Suite(.serialized) struct AdoptedRecordTests {
  /// The rep who typed the company keeps it, at adoption and at every update Sage
  /// sends later; what the rep typed where Sage is blank stays; Sage's values and
  /// code arrive; no twin is created.
  @Test func anAdoptedCompanyKeepsItsRepAndWhatTheRepTyped() async throws {
    let emulator = try EmulatorProcess()
    let root = try ConnectedRoot(emulator)
    var session = EmulatorSession(emulator)
    try await session.login()
    let typed = try #require(
      try await session.insert(
        "accounts",
        [
          [
            "name": "librairie RENAUD", "postcode": "76000", "city": "Rouen", "salesRepId1": 7,
            "comment": "Client depuis 2019, voir Lucas", "phone": "02.13.62.80.20",
          ]
        ]
      ).first)
    // The reps are SM users too: Sage's rep of the company (R01) is known to SM,
    // and would replace the rep who typed the company if Passerelle let it.
    try root.root.drop(sample: TestFiles.sample(SageSamples.representatives))
    try root.root.drop(sample: TestFiles.sample(SageSamples.customers))
    #expect(try await root.run("run", "--once").status == 1)  // the sample's bad rows
    let adopted = try #require(try await session.record("accounts", extId: "C00004"))
    #expect(adopted["id"] as? Int == typed, "the record reps typed, not a twin")
    #expect(try await session.creates("accounts")["C00004"] == nil)
    #expect(adopted["salesRepId1"] as? Int == 7)
    let sageRep = try #require(try await session.record("users", extId: "R01")?["id"] as? Int)
    #expect(sageRep != 7)
    #expect(adopted["comment"] as? String == "Client depuis 2019, voir Lucas")
    #expect(adopted["email"] as? String == "contact@librairie-renaud.fr")
    let edited = try SageSamples.edited(
      SageSamples.customers, key: "Code", changing: ["C00004": ["Téléphone": "02 35 00 11 22"]])
    try root.root.drop(edited, as: "Export des clients 2.Txt")
    #expect(try await root.run("run", "--once").status == 1)  // the sample's bad rows again
    let updated = try #require(try await session.record("accounts", extId: "C00004"))
    #expect(updated["phone"] as? String == "+33235001122", "Sage's change arrived")
    #expect(updated["salesRepId1"] as? Int == 7, "the rep stays SM's")
    #expect(try await session.creates("accounts")["C00004"] == nil)
  }
}
