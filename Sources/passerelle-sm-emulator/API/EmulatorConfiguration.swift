/// What the command line sets: the keys, the branch, the faults and the seed.
struct EmulatorConfiguration: Sendable {
  var publicKey = "emulator-public"
  var privateKey = "emulator-private"
  var branchId = 1
  var faults = FaultSettings()
  var seed: UInt64 = 1
}
