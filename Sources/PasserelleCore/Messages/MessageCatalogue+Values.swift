extension MessageCatalogue {
  /// Why a single value is refused, and the nouns and sizes messages are built from.
  static let values: [MessageKey: MessageTemplate] = [
    .valueLeftOut: MessageTemplate(
      "{reason} : valeur non envoyée. La corriger dans la fiche de Sage 50.",
      "{reason}: value left out. Correct it in the record in Sage 50."
    ),
    .notYesNo: MessageTemplate(
      "Ni oui ni non (Oui, Non, 1, 0) : lu comme non.",
      "Not a yes/no value (Oui, Non, 1, 0): read as no."
    ),
    .notANumberLeftOut: MessageTemplate(
      "Pas un nombre : valeur non envoyée.", "Not a number: value left out."
    ),
    .notADateLeftOut: MessageTemplate(
      "Pas une date (jj/mm/aaaa) : valeur non envoyée.", "Not a date (dd/mm/yyyy): value left out."
    ),
    .notADate: MessageTemplate("Pas une date (jj/mm/aaaa).", "Not a date (dd/mm/yyyy)."),
    .notAnAmount: MessageTemplate(
      "Pas un montant (ou au-delà d'un milliard).", "Not an amount (or beyond a billion)."
    ),
    .valueEmpty: MessageTemplate("Vide", "Empty"),
    .valueHasSpaces: MessageTemplate("Contient des espaces", "Contains spaces"),
    .emailSeveral: MessageTemplate("Plusieurs adresses", "Several addresses"),
    .emailTooLong: MessageTemplate("Plus de 254 caractères", "Longer than 254 characters"),
    .emailSeveralAt: MessageTemplate("Plus d'un « @ »", "More than one '@'"),
    .emailNoAt: MessageTemplate("Pas de « @ »", "No '@'"),
    .emailNothingBeforeAt: MessageTemplate("Rien avant le « @ »", "Nothing before the '@'"),
    .emailLocalTooLong: MessageTemplate(
      "Plus de 64 caractères avant le « @ »", "More than 64 characters before the '@'"
    ),
    .emailBadLocalCharacter: MessageTemplate(
      "Caractère invalide avant le « @ »", "Invalid character before the '@'"
    ),
    .emailDoubleDot: MessageTemplate("« .. » avant le « @ »", "'..' before the '@'"),
    .emailLocalDotEdge: MessageTemplate(
      "La partie avant le « @ » commence ou finit par « . »",
      "The part before the '@' starts or ends with '.'"
    ),
    .emailNoDomain: MessageTemplate("Pas de domaine après le « @ »", "No domain after the '@'"),
    .emailBadDomainCharacter: MessageTemplate(
      "Caractère invalide dans le domaine", "Invalid character in the domain"
    ),
    .emailEmptyDomainLabel: MessageTemplate(
      "Élément vide dans le domaine", "Empty label in the domain"
    ),
    .emailDomainLabelTooLong: MessageTemplate(
      "Élément du domaine de plus de 63 caractères", "Domain label longer than 63 characters"
    ),
    .emailDomainLabelDash: MessageTemplate(
      "Élément du domaine commençant ou finissant par « - »",
      "Domain label starts or ends with '-'"
    ),
    .emailBadTopLevel: MessageTemplate(
      "Le domaine de premier niveau n'est pas fait d'au moins 2 lettres",
      "Top-level domain is not 2+ letters"
    ),
    .emailDomainNoDot: MessageTemplate("Le domaine n'a pas de « . »", "Domain has no '.'"),
    .siretNotDigits: MessageTemplate(
      "Contient autre chose que des chiffres", "Contains characters other than digits"
    ),
    .siretDigitCount: MessageTemplate(
      "{count} chiffres ; un SIRET en a 14, un SIREN 9",
      "Has {count} digits; a SIRET has 14, a SIREN 9"
    ),
    .siretLaPosteChecksum: MessageTemplate(
      "Clé de contrôle La Poste fausse (somme des chiffres non multiple de 5)",
      "La Poste checksum fails (digit sum not a multiple of 5)"
    ),
    .siretChecksum: MessageTemplate(
      "Clé de contrôle (Luhn) fausse",
      "Luhn checksum fails"
    ),
    .vatBadCharacters: MessageTemplate(
      "Contient autre chose que des lettres et des chiffres",
      "Contains characters other than letters and digits"
    ),
    .vatNoCountry: MessageTemplate("Pas de préfixe de pays", "No country prefix"),
    .vatTooShort: MessageTemplate("Trop court", "Too short"),
    .vatUnknownCountry: MessageTemplate(
      "Préfixe de pays inconnu « {prefix} »", "Unknown country prefix \"{prefix}\""
    ),
    .vatFormat: MessageTemplate(
      "Ne suit pas le format des numéros de TVA {prefix}",
      "Does not match the {prefix} VAT number format"
    ),
    .vatSwissFormat: MessageTemplate(
      "Ne suit pas le format des numéros de TVA CHE", "Does not match the CHE VAT number format"
    ),
    .vatFrenchFormat: MessageTemplate(
      "Un numéro de TVA français est FR, une clé de 2 caractères et le SIREN à 9 chiffres",
      "A French VAT number is FR, a 2-character key and the 9-digit SIREN"
    ),
    .vatSirenNotDigits: MessageTemplate(
      "La partie SIREN contient autre chose que des chiffres",
      "The SIREN part has characters other than digits"
    ),
    .vatKeyMismatch: MessageTemplate(
      "La clé ne correspond pas au SIREN (attendu : {expected})",
      "Key does not match the SIREN (expected {expected})"
    ),
    .vatSirenChecksum: MessageTemplate(
      "Le SIREN a une clé de contrôle (Luhn) fausse", "SIREN fails the Luhn checksum"
    ),
    .vatBadKey: MessageTemplate(
      "La clé contient des caractères hors de 0-9 et A-Z (sauf I et O)",
      "Key has characters outside 0-9 and A-Z but I, O"
    ),
    .phoneTooLong: MessageTemplate("Plus de 15 chiffres", "More than 15 digits"),
    .phonePlusInside: MessageTemplate(
      "Le « + » n'est pas au début", "'+' is not at the start"
    ),
    .phoneExtension: MessageTemplate(
      "Contient un numéro de poste", "Has an extension"
    ),
    .phoneLetters: MessageTemplate("Contient des lettres", "Contains letters"),
    .phoneBadCharacter: MessageTemplate(
      "Contient un caractère inattendu", "Contains an unexpected character"
    ),
    .phoneNoDigits: MessageTemplate("Aucun chiffre", "No digits"),
    .phoneTooShort: MessageTemplate("Moins de 8 chiffres", "Fewer than 8 digits"),
    .phoneNothingAfterPrefix: MessageTemplate(
      "Aucun chiffre après le préfixe international", "No digits after the international prefix"
    ),
    .phoneCountryZero: MessageTemplate(
      "L'indicatif du pays commence par 0", "Country code starts with 0"
    ),
    .phoneFrenchInternational: MessageTemplate(
      "Un numéro en +33 a 9 chiffres après l'indicatif",
      "A +33 number has 9 digits after the country code"
    ),
    .phoneFrenchNational: MessageTemplate(
      "Un numéro français a 10 chiffres commençant par 0",
      "A French national number has 10 digits starting with 0"
    ),
    .expectedInteger: MessageTemplate("un entier", "an integer"),
    .expectedText: MessageTemplate("du texte", "text"),
    .expectedBoolean: MessageTemplate("true ou false", "true or false"),
    .theCustomer: MessageTemplate("le client", "the customer"),
    .theProspect: MessageTemplate("le prospect", "the prospect"),
    .theArticle: MessageTemplate("l'article", "the article"),
    .theRepresentative: MessageTemplate("le représentant", "the representative"),
    .theCompany: MessageTemplate("la société", "the company"),
    .theCustomerOrProspect: MessageTemplate("le client ou prospect", "the customer or prospect"),
    .nounCustomer: MessageTemplate("client", "customer"),
    .nounProspect: MessageTemplate("prospect", "prospect"),
    .nounContact: MessageTemplate("contact", "contact"),
    .representatives: MessageTemplate("représentants", "representatives"),
    .customers: MessageTemplate("clients", "customers"),
    .prospects: MessageTemplate("prospects", "prospects"),
    .contacts: MessageTemplate("contacts", "contacts"),
    .articles: MessageTemplate("articles", "articles"),
    .documents: MessageTemplate("pièces", "documents"),
    .companies: MessageTemplate("sociétés", "companies"),
    .quotes: MessageTemplate("devis", "quotes"),
    .users: MessageTemplate("utilisateurs", "users"),
    .products: MessageTemplate("produits", "products"),
    .sales: MessageTemplate("ventes", "sales"),
    .sizeBytes: MessageTemplate("{count} octets", "{count} bytes"),
    .sizeKilobytes: MessageTemplate("{count} Ko", "{count} KB"),
    .sizeMegabytes: MessageTemplate("{count} Mo", "{count} MB"),
    .sizeMegabytesTenths: MessageTemplate("{count},{tenth} Mo", "{count}.{tenth} MB"),
  ]
}
