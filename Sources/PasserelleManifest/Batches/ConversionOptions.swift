import PasserelleCore

/// Options of one conversion that are not configuration.
public struct ConversionOptions: Sendable {
  public var entity: SageEntity? = nil
  /// Where payloads and reports go instead of the out folders (`convert --out`).
  public var outputFolder: String? = nil
  public var allowMassDeletion = false
  /// The drop folder of a watched file; nil for `convert`, where the content decides.
  public var sourceFolder: SourceFolder? = nil

  public init() {}
}
