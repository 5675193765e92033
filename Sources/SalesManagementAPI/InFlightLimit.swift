/// An async semaphore: at most `limit` holders at once, the others wait in order.
actor InFlightLimit {
  private struct Waiter {
    let id: Int
    let continuation: CheckedContinuation<Void, any Error>
  }

  private let limit: Int
  private var holders = 0
  private var waiters: [Waiter] = []
  private var nextWaiterID = 0

  /// A limit of `limit` (at least 1) holders.
  init(limit: Int) {
    self.limit = max(1, limit)
  }

  /// Waits for a place; throws `CancellationError` if the task is cancelled meanwhile.
  /// Every successful `acquire` must be followed by one `release`.
  func acquire() async throws(CancellationError) {
    if holders < limit, waiters.isEmpty {
      holders += 1
      return
    }
    let id = nextWaiterID
    nextWaiterID += 1
    do {
      try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation {
          (continuation: CheckedContinuation<Void, any Error>) in
          if Task.isCancelled {
            continuation.resume(throwing: CancellationError())
          } else {
            waiters.append(Waiter(id: id, continuation: continuation))
          }
        }
      } onCancel: {
        Task { await self.cancelWaiter(id) }
      }
    } catch {
      throw CancellationError()
    }
  }

  /// Gives the place back, straight to the longest waiter if there is one.
  func release() {
    if waiters.isEmpty {
      precondition(holders > 0, "release without acquire")
      holders -= 1
    } else {
      waiters.removeFirst().continuation.resume()
    }
  }

  /// Holders at this moment, for tests.
  var currentHolders: Int { holders }

  private func cancelWaiter(_ id: Int) {
    guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
    waiters.remove(at: index).continuation.resume(throwing: CancellationError())
  }
}
