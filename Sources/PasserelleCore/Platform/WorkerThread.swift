#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Threads that say when the system refuses them. Foundation's `Thread` starts
/// nothing, silently, when the system is out of threads or memory, and whoever
/// waits for it then waits forever.
package enum WorkerThread {
  /// Stack of each thread: the readers and mappers need a fraction of the usual
  /// 8 MB, which a memory limit counts in full.
  static let stackBytes = 4 << 20

  /// The nice value of a thread that yields: the scheduler then gives a thread of
  /// normal priority about nine times its share of a processor they both want.
  /// Threads it starts inherit it.
  static let yieldingNice: Int32 = 10

  private final class Work {
    let name: String
    let yields: Bool
    let body: () -> Void
    init(_ name: String, yields: Bool, _ body: @escaping () -> Void) {
      self.name = name
      self.yields = yields
      self.body = body
    }

    func run() {
      nameThread()
      if yields { giveWay() }
      body()
    }

    /// A lower scheduling priority for this thread alone: on Linux the nice value
    /// belongs to each thread, and `who` 0 names the calling one. Failing leaves
    /// the thread as it was, only slower to yield.
    private func giveWay() {
      #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, WorkerThread.yieldingNice)
      #endif
    }

    /// Shown by `top -H` and the like (Linux keeps 15 bytes of it).
    private func nameThread() {
      #if os(Linux)
        let file = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
        guard file >= 0 else { return }
        let bytes = Array(name.utf8.prefix(15))
        _ = bytes.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
        close(file)
      #endif
    }
  }

  /// Starts `body` on a detached thread, or throws without running it; `name`
  /// tells IT which thread could not start. A thread that `yields` runs behind
  /// the process's others when they want the same processor (see `yieldingNice`).
  package static func start(
    _ name: String, yields: Bool = false, _ body: @escaping @Sendable () -> Void
  )
    throws(EnvironmentFailure)
  {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackBytes)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    let work = Unmanaged.passRetained(Work(name, yields: yields, body)).toOpaque()
    var thread = pthread_t()
    let result = pthread_create(
      &thread, &attributes,
      { context in
        Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().run()
        return nil
      }, work)
    if result != 0 {
      Unmanaged<Work>.fromOpaque(work).release()
      throw EnvironmentFailure(
        .cannotStartThread, ["name": .text(name), "system": .text(systemMessage(result))])
    }
  }
}
