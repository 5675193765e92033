import Foundation
import Logging

/// What the two stderr handlers share: a level and metadata set on the logger.
protocol StderrLogHandler: LogHandler {
  var metadata: Logger.Metadata { get set }
}
