import PasserelleCore
import PasserelleReading

/// What a commercial document is, from `Type de pièce`.
package enum DocumentKind: String, Sendable {
  case invoice = "Facture"
  case creditNote = "Avoir"
  case quote = "Devis"
  /// Orders and delivery notes: not synchronised.
  case other

  init(_ text: String) {
    switch LabelKey.normalise(text) {
    case "facture": self = .invoice
    case "avoir": self = .creditNote
    case "devis": self = .quote
    default: self = .other
    }
  }
}
