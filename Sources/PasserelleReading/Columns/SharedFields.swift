import PasserelleCore

/// The shared fields of each SM resource Sage imports, with the Sage labels and
/// lengths of its import file (lengths from Sage's field manual where it gives one).
package enum SharedFields {
  package static let prospect: [SharedField] = [
    SharedField("name", ["Société", "Nom"], length: 50, layout: .firstFilled),
    SharedField("address1", ["Adresse 1"], length: 35),
    SharedField("address2", ["Adresse 2", "Adresse 3"], length: 35, layout: .joined),
    SharedField("postcode", ["Code Postal"], length: 10),
    SharedField("city", ["Ville"], length: 35),
    SharedField("country", ["Pays"], length: 35, .country),
    SharedField("phone", ["Téléphone"], length: 25, .phone),
    SharedField("phone2", ["Portable"], length: 25, .phone),
    SharedField("fax", ["Fax"], length: 25, .phone),
    SharedField("email", ["E-mail"], length: 127, .email),
    SharedField("web", ["URL"], length: 127),
    SharedField("comment", ["Observations"]),
    SharedField("salesRep", ["Représentant"], length: 13),
  ]

  package static let contact: [SharedField] = [
    SharedField("company", ["Code client"], length: 13),
    SharedField("civility", ["Civilité"], length: 15),
    SharedField("lastName", ["Nom"], length: 35),
    SharedField("firstName", ["Prénom"], length: 35),
    SharedField("role", ["Fonction"], length: 35),
    SharedField("phone1", ["Téléphone"], length: 25, .phone),
    SharedField("phone2", ["Portable"], length: 25, .phone),
    SharedField("fax", ["Fax"], length: 25, .phone),
    SharedField("email", ["E-mail"], length: 127, .email),
    SharedField("comment", ["Observations"]),
  ]

  /// The columns of the prospect import, in the order of Sage's prospects export.
  package static let prospectLabels = [
    "Code prospect", "Nom", "Société", "Adresse 1", "Adresse 2", "Adresse 3", "Code Postal",
    "Ville", "Pays", "Téléphone", "Portable", "Fax", "E-mail", "URL", "Représentant",
    "Observations",
  ]

  /// The columns of the contact import, in the order of Sage's contacts export.
  package static let contactLabels = [
    "Code client", "Code contact", "Civilité", "Nom", "Prénom", "Fonction", "Téléphone",
    "Portable", "Fax", "E-mail", "Observations",
  ]
}
