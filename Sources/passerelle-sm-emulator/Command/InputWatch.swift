import Foundation

/// Ends the emulator when its standard input ends. A parent that holds the only
/// writing end of that pipe takes the emulator with it however it ends, a crash
/// included: an emulator left running would keep open the output it shares with
/// its parent, and whatever waits for that output would wait for ever.
enum InputWatch {
  static func exitWhenInputEnds() {
    let thread = Thread {
      let input = FileHandle.standardInput
      while !input.availableData.isEmpty {}
      exit(0)
    }
    thread.name = "input-watch"
    thread.start()
  }
}
