/// What the command line sets: the keys, the branch, the faults, the seed, and the
/// resources whose lists refuse a `where` filter on dates.
struct EmulatorConfiguration: Sendable {
  var publicKey = "emulator-public"
  var privateKey = "emulator-private"
  var branchId = 1
  var faults = FaultSettings()
  var seed: UInt64 = 1
  var undated: Set<Resource> = []
}
