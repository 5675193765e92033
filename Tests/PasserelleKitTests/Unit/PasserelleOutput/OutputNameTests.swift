import Testing

@testable import PasserelleOutput

@Suite struct OutputNameTests {
  @Test(arguments: [
    ("Export des clients.Txt", "Export des clients.Txt"),
    ("../../etc/passwd", ".._.._etc_passwd"),
    ("C:\\Sage\\clients.Txt", "C__Sage_clients.Txt"),
    ("clients\u{0}\u{1}\u{7F}\n.Txt", "clients____.Txt"),
    ("a<b>c|d?e*f\"g.Txt", "a_b_c_d_e_f_g.Txt"),
    ("clients.", "clients_"),
    ("clients ", "clients_"),
    ("Clients Société.Txt", "Clients Société.Txt"),
  ])
  func namesFromAnotherMachineAreMadeSafe(_ name: String, _ expected: String) {
    #expect(OutputName.safe(name) == expected)
  }

  @Test func aLongNameIsCutKeepingItsExtensionAndStaysDistinct() {
    let long = String(repeating: "é", count: 200) + ".Txt"
    let other = String(repeating: "é", count: 199) + "x.Txt"
    let safe = OutputName.safe(long)
    #expect(safe.utf8.count <= OutputName.maximumBytes)
    #expect(safe.hasSuffix(".Txt"))
    #expect(safe != OutputName.safe(other))
  }
}
