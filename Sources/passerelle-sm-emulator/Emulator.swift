@main
struct Emulator {
  static func main() {}
}
