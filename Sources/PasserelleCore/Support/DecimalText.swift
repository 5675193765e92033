/// Numbers written for people with a fixed number of decimals. `String(format:)`
/// sets up a locale for each call: a tenth of what converting one quote cost.
package enum DecimalText {
  /// `value` rounded to `places` decimals (halves away from zero), with a dot:
  /// "0.05", "12.3". A value too large to round this way is written as Swift writes it.
  package static func fixed(_ value: Double, places: Int) -> String {
    var scale = 1
    for _ in 0..<places { scale *= 10 }
    let scaled = (value.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero)
    guard scaled < 1e15 else { return String(value) }
    let units = Int(scaled)
    let sign = value < 0 && units != 0 ? "-" : ""
    let whole = sign + String(units / scale)
    return places == 0 ? whole : whole + "." + zeroPadded(units % scale, width: places)
  }

  /// `value` (not negative) in decimal digits, with zeros in front up to `width`.
  package static func zeroPadded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    let missing = width - digits.utf8.count
    return missing > 0 ? String(repeating: "0", count: missing) + digits : digits
  }
}
