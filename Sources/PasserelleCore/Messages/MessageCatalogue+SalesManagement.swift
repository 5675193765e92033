extension MessageCatalogue {
  /// What SM's files and API say about records, and what to do about it.
  static let salesManagement: [MessageKey: MessageTemplate] = [
    .unknownCodeInManifest: MessageTemplate(
      "Aucune fiche n'a ce code dans le manifeste pour {record} : exporter d'abord cette liste depuis Sage 50.",
      "No record has this code in the manifest for {record}: export that list from Sage 50 first."
    ),
    .unknownSalesManagementId: MessageTemplate(
      "Cet identifiant SM n'est pas dans la table des identifiants du manifeste pour {record}.",
      "This SM id is not in the manifest's id map for {record}."
    ),
    .quoteReferenceRepeated: MessageTemplate(
      "La référence est donnée à plusieurs devis de ce fichier : tous sont écartés.",
      "The reference is given to more than one quote in this file: all are left out."
    ),
    .deletedInSalesManagement: MessageTemplate(
      "Supprimé dans SM ; Sage n'est jamais modifié par une suppression (voulu).",
      "Deleted in SM; Sage is left untouched by design."
    ),
    .quoteReferenceNotRepresentable: MessageTemplate(
      "Sage ne garderait pas cette référence telle quelle, et le devis chiffré ne pourrait pas être rapproché : changer la référence dans SM.",
      "Sage would not hold this reference as it is, and the priced quote could not be matched: change the reference in SM."
    ),
    .quantityTooPrecise: MessageTemplate(
      "Sage garde les quantités à trois décimales : corriger la quantité dans SM.",
      "Sage holds quantities to three decimals: correct the quantity in SM."
    ),
    .quoteDateNotISO: MessageTemplate(
      "Pas une date ISO : le devis est daté du jour de sa conversion.",
      "Not an ISO date: the quote is dated the day it is converted."
    ),
    .quoteAlreadyInSage: MessageTemplate(
      "Ce devis est parti vers Sage dans le lot {batch} ({state}) ; Sage en créerait un second, la modification n'est donc pas envoyée : la faire dans Sage.",
      "This quote went to Sage in batch {batch} ({state}); Sage would create a second quote, so the change is not sent: make it in Sage."
    ),
    .quoteRepresentativeUnknown: MessageTemplate(
      "Aucun représentant Sage n'est associé à cet utilisateur SM : le devis part sans représentant. L'ajouter sous [salesmanagement.users] dans passerelle.toml.",
      "No Sage representative is known for this SM user: the quote goes without one. Add it under [salesmanagement.users] in passerelle.toml."
    ),
    .quoteWithoutIds: MessageTemplate(
      "Le devis n'a ni référence ni identifiant.", "The quote has neither a reference nor an id."
    ),
    .quoteWithoutCompany: MessageTemplate(
      "Le devis ne nomme ni client ni prospect : le compléter dans SM.",
      "The quote names no customer or prospect: complete it in SM."
    ),
    .quoteLinesListingRefused: MessageTemplate(
      "SM refuse la liste des lignes de devis modifiées ({error}) : les devis ne reviennent que sur leurs propres modifications, une ligne ajoutée ensuite n'arrive pas dans Sage.",
      "SM refuses the listing of changed quote lines ({error}): quotes come back on their own changes only, a line added later does not reach Sage."
    ),
    .quoteWithoutLines: MessageTemplate(
      "Le devis n'a pas de lignes : les ajouter dans SM.", "The quote has no lines: add them in SM."
    ),
    .quoteLineWithoutArticle: MessageTemplate(
      "Une ligne ne nomme aucun article : le choisir dans SM.",
      "A line names no article: pick one in SM."
    ),
    .quoteLineQuantity: MessageTemplate(
      "La quantité d'une ligne n'est pas un nombre positif : la corriger dans SM.",
      "A line's quantity is not a positive number: correct it in SM."
    ),
    .recordRepeated: MessageTemplate(
      "La fiche figure plusieurs fois dans ce fichier : tous les exemplaires sont écartés.",
      "The record is given more than once in this file: all copies are left out."
    ),
    .ownedBySage: MessageTemplate(
      "Cette fiche est un {kind} de Sage, qui en est maître : la modifier dans Sage 50.",
      "This record is a {kind} in Sage, which owns it: change it in Sage 50."
    ),
    .deletedInSage: MessageTemplate(
      "Cette fiche a été supprimée dans Sage depuis ; Sage l'emporte, la modification n'est pas envoyée.",
      "This record was deleted in Sage since; Sage wins, the change is not sent."
    ),
    .countryIdUnmapped: MessageTemplate(
      "Aucun pays n'est associé à cet identifiant SM ([salesmanagement.countries]) : le pays reste celui de Sage.",
      "No country is configured for this SM id ([salesmanagement.countries]): left as Sage holds it."
    ),
    .contactWithoutCompany: MessageTemplate(
      "Le contact ne nomme aucune société ; Sage range chaque contact sous une société : la renseigner dans SM.",
      "The contact names no company; Sage files a contact under one: fill it in SM."
    ),
    .contactCompanyUnknownKept: MessageTemplate(
      "Aucun client ou prospect n'a cet identifiant SM dans le manifeste : le contact reste dans la société que Sage lui connaît.",
      "No customer or prospect with this SM id is in the manifest's id map: the contact stays with the company Sage has."
    ),
    .prospectNoName: MessageTemplate(
      "Le prospect n'a pas de nom : le saisir dans SM.",
      "The prospect has no name: enter one in SM."
    ),
    .codeCounterExhausted: MessageTemplate(
      "Le compteur du préfixe {prefix} dépasse les 13 caractères des codes Sage : configurer un préfixe plus court.",
      "The counter of prefix {prefix} has run past what Sage's 13 characters hold: configure a shorter prefix."
    ),
    .extIdNotFromSage: MessageTemplate(
      "Aucun {kind} n'a ce code dans le manifeste : la fiche n'est pas venue de Sage par Passerelle.",
      "No {kind} has this code in the manifest: it did not come from Sage through Passerelle."
    ),
    .prospectRepresentativeCodeUnknown: MessageTemplate(
      "Aucun représentant Sage n'a ce code : le prospect garde le sien.",
      "No Sage representative has this code: the prospect keeps its own."
    ),
    .prospectRepresentativeUserUnknown: MessageTemplate(
      "Aucun représentant Sage n'est associé à cet utilisateur SM : le prospect garde le sien. L'ajouter sous [salesmanagement.users] dans passerelle.toml.",
      "No Sage representative is known for this SM user: the prospect keeps its own. Add it under [salesmanagement.users] in passerelle.toml."
    ),
    .sageValuesNotKnownYet: MessageTemplate(
      "Les valeurs de Sage pour cette fiche ne sont pas encore connues : la modification partira quand le prochain export de Sage aura été lu.",
      "Sage's values of this record are not known yet: the change goes once Sage's next export of it has been read."
    ),
    .changedOnBothSides: MessageTemplate(
      "Modifiée dans Sage et dans SM depuis le dernier échange : les valeurs de Sage l'emportent et sont renvoyées à SM.",
      "Changed in Sage and in SM since the last exchange: Sage's values win and are sent back to SM."
    ),
    .valueCut: MessageTemplate(
      "Sage garde {limit} caractères ici : la valeur a été coupée.",
      "Sage holds {limit} characters here: the value was cut."
    ),
    .notTextValue: MessageTemplate(
      "Pas une valeur texte : le champ reste tel que Sage le connaît.",
      "Not a text value: the field is left as Sage holds it."
    ),
    .wrongType: MessageTemplate(
      "{field} doit être {expected} : la fiche est écartée.",
      "{field} must be {expected}: the record is left out."
    ),
    .recordWithoutIds: MessageTemplate(
      "La fiche n'a ni identifiant SM ni extId.", "The record has neither an SM id nor an extId."
    ),
    .refusedBySalesManagement: MessageTemplate(
      "Sales Management a refusé cette fiche ({resource}) : {reason}. {advice} Le reste a été envoyé.",
      "Sales Management refused this {resource} record: {reason}. {advice} The rest was delivered."
    ),
    .refusalAdviceBranch: MessageTemplate(
      "Renseigner branch_id sous [salesmanagement] dans passerelle.toml ; la fiche repart avec le prochain export.",
      "Set branch_id under [salesmanagement] in passerelle.toml; it is sent again with the next export."
    ),
    .refusalAdviceRepresentative: MessageTemplate(
      "Associer le représentant à un utilisateur SM ([salesmanagement.users]) ou renseigner admin_user_id dans passerelle.toml ; la fiche repart avec le prochain export.",
      "Map the representative to an SM user ([salesmanagement.users]) or set admin_user_id in passerelle.toml; it is sent again with the next export."
    ),
    .refusalAdviceSage: MessageTemplate(
      "Corriger la fiche dans Sage 50, puis exporter de nouveau la liste.",
      "Correct the record in Sage 50, then export the list again."
    ),
  ]
}
