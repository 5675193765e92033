import PasserelleCore

/// Labels of the representatives export ("Représentants").
package enum RepresentativeFields {
  package static let code = FieldLabel("Code", aliases: ["Code représentant"])
  package static let name = FieldLabel("Nom", aliases: ["Nom représentant"])
  package static let firstName = FieldLabel("Prénom")
  package static let title = FieldLabel("Titre", aliases: ["Civilité"])
  package static let role = FieldLabel("Fonction")
  package static let region = FieldLabel("Région")
  package static let phone = FieldLabel("Téléphone", aliases: ["Tél", "Tel"])
  package static let mobile = FieldLabel("Portable", aliases: ["Mobile"])
  package static let email = FieldLabel("E-mail", aliases: ["Email", "Courriel", "Mail"])
  package static let commission = FieldLabel("Commission", aliases: ["Taux commission"])
  package static let countryCode = FieldLabel("Code Pays")
  package static let country = FieldLabel("Pays")
}
