#if canImport(Glibc)
  import Glibc
#endif

/// libFuzzer's entry for programs that keep their own `main` (SwiftPM gives every
/// executable one): parses libFuzzer's flags and runs `test` on each input.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

public enum FuzzDriver {
  public typealias Test = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

  public static func run(_ test: Test) -> Never {
    var argc = CommandLine.argc
    var argv = Optional(CommandLine.unsafeArgv)
    exit(runDriver(&argc, &argv, test))
  }
}
