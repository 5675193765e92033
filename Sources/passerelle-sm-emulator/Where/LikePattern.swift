/// A `LIKE` pattern: `%` matches any run of characters, `_` exactly one; case counts.
struct LikePattern: Sendable {
  private enum Element: Equatable {
    case anyRun
    case anyOne
    case character(Character)
  }

  private let elements: [Element]

  init(_ pattern: String) {
    elements = pattern.map { character in
      switch character {
      case "%": return .anyRun
      case "_": return .anyOne
      default: return .character(character)
      }
    }
  }

  /// Whether the whole of `text` matches; on a mismatch the last `%` takes one more
  /// character, which keeps the work linear in practice.
  func matches(_ text: String) -> Bool {
    let characters = Array(text)
    var textIndex = 0
    var patternIndex = 0
    var lastRun: (pattern: Int, text: Int)?
    while textIndex < characters.count {
      if patternIndex < elements.count, accepts(elements[patternIndex], characters[textIndex]) {
        textIndex += 1
        patternIndex += 1
      } else if patternIndex < elements.count, elements[patternIndex] == .anyRun {
        lastRun = (patternIndex, textIndex)
        patternIndex += 1
      } else if let run = lastRun {
        lastRun = (run.pattern, run.text + 1)
        patternIndex = run.pattern + 1
        textIndex = run.text + 1
      } else {
        return false
      }
    }
    return elements[patternIndex...].allSatisfy { $0 == .anyRun }
  }

  private func accepts(_ element: Element, _ character: Character) -> Bool {
    switch element {
    case .anyRun: return false
    case .anyOne: return true
    case .character(let expected): return expected == character
    }
  }
}
