import PasserelleCore

/// Labels of the Sage 50 FR prospects export ("Prospects"): the customers' shape,
/// told apart by its code column or its prospect-only columns.
public enum ProspectFields {
  public static let code = FieldLabel(
    "Code prospect", aliases: ["Code du prospect", "N° prospect"])
  public static let prospectType = FieldLabel("Type de prospect", aliases: ["Type prospect"])
}

/// The main contact a customer or prospect row carries (`… du contact`).
public enum MainContactFields {
  public static let name = FieldLabel("Nom du contact")
  public static let title = FieldLabel("Titre du contact", aliases: ["Civilité du contact"])
  public static let role = FieldLabel("Fonction du contact")
  public static let phone = FieldLabel("Téléphone du contact")
  public static let mobile = FieldLabel("Portable du contact")
  public static let fax = FieldLabel("Fax du contact")
  public static let email = FieldLabel("E-mail du contact", aliases: ["Email du contact"])
}

/// Labels of a contacts export: the company's code plus the contact's fields.
public enum ContactFields {
  public static let company = FieldLabel(
    "Code client", aliases: ["Code tiers", "Code prospect", "Code société"])
  public static let code = FieldLabel(
    "Code contact", aliases: ["N° contact", "Numéro contact", "Identifiant contact"])
  public static let civility = FieldLabel("Civilité", aliases: ["Titre"])
  public static let lastName = FieldLabel("Nom", aliases: ["Nom du contact"])
  public static let firstName = FieldLabel("Prénom", aliases: ["Prénom du contact"])
  public static let role = FieldLabel("Fonction")
  public static let phone = FieldLabel("Téléphone", aliases: ["Tél", "Tel"])
  public static let mobile = FieldLabel("Portable", aliases: ["Mobile"])
  public static let fax = FieldLabel("Fax")
  public static let email = FieldLabel("E-mail", aliases: ["Email", "Courriel", "Mail"])
  public static let notes = FieldLabel("Observations", aliases: ["Commentaire"])
}

/// Labels of the articles export ("Articles").
public enum ArticleFields {
  public static let code = FieldLabel("Code", aliases: ["Code article", "Référence"])
  public static let shortName = FieldLabel(
    "Désignation courte", aliases: ["Désignation", "Libellé"])
  public static let longName = FieldLabel("Désignation longue", aliases: ["Description"])
  public static let family = FieldLabel(
    "Famille", aliases: ["Famille article", "Famille articles"])
  public static let brand = FieldLabel("Marque")
  public static let price = FieldLabel("Prix de vente HT", aliases: ["PV HT", "Prix HT"])
  public static let priceWithTax = FieldLabel("Prix de vente TTC", aliases: ["PV TTC", "Prix TTC"])
  public static let vatRate = FieldLabel("Taux TVA", aliases: ["Taux de TVA"])
  public static let vatCode = FieldLabel("Code TVA")
  public static let unit = FieldLabel("Unité")
  public static let tracksStock = FieldLabel(
    "Suivi stock", aliases: ["Suivi de stock", "Gestion stock"])
  public static let stock = FieldLabel("Stock réel", aliases: ["Stock"])
  public static let minimumStock = FieldLabel("Stock minimum")
  public static let availableStock = FieldLabel("Stock disponible")
  public static let barcode = FieldLabel("Code barre", aliases: ["Code-barres", "EAN"])
  public static let blocked = FieldLabel("Bloqué")
  public static let dormant = FieldLabel("Mis en sommeil", aliases: ["En sommeil"])
  public static let unused = FieldLabel("Article inutilisé", aliases: ["Inutilisé"])
  public static let onWeb = FieldLabel("Publiable sur le Web", aliases: ["Publié sur le Web"])
  public static let category = FieldLabel("Catégorie")
  public static let createdOn = FieldLabel("Date de création")
  public static let picture = FieldLabel(
    "Chemin image", aliases: ["Image", "Photo", "Chemin photo", "Fichier image"])
}

/// Labels of the representatives export ("Représentants").
public enum RepresentativeFields {
  public static let code = FieldLabel("Code", aliases: ["Code représentant"])
  public static let name = FieldLabel("Nom", aliases: ["Nom représentant"])
  public static let firstName = FieldLabel("Prénom")
  public static let title = FieldLabel("Titre", aliases: ["Civilité"])
  public static let role = FieldLabel("Fonction")
  public static let region = FieldLabel("Région")
  public static let phone = FieldLabel("Téléphone", aliases: ["Tél", "Tel"])
  public static let mobile = FieldLabel("Portable", aliases: ["Mobile"])
  public static let email = FieldLabel("E-mail", aliases: ["Email", "Courriel", "Mail"])
  public static let commission = FieldLabel("Commission", aliases: ["Taux commission"])
  public static let countryCode = FieldLabel("Code Pays")
  public static let country = FieldLabel("Pays")
}

/// Labels of the commercial documents export (`E`/`L` layout).
public enum DocumentFields {
  public static let lineType = FieldLabel("Type de Ligne")
  public static let documentType = FieldLabel("Type de pièce")
  public static let number = FieldLabel("N° pièce", aliases: ["Numéro pièce", "N° de pièce"])
  public static let date = FieldLabel("Date pièce")
  public static let reference = FieldLabel("Référence pièce")
  public static let remark = FieldLabel("Remarque")
  public static let representative = FieldLabel("Code représentant pièce")
  public static let customer = FieldLabel("Code client")
  public static let customerName = FieldLabel("Nom client")
  public static let paymentMode = FieldLabel("Code mode de paiement")
  public static let dueDate = FieldLabel("Date échéance")
  public static let validated = FieldLabel("Validée")
  public static let settled = FieldLabel("Soldée")
  public static let quoteStatus = FieldLabel("Statut devis")
  public static let documentDiscountRate = FieldLabel("Taux remise pièce")
  public static let documentDiscountAmount = FieldLabel("Mt remise pièce")
  public static let totalWithTax = FieldLabel("Mt total TTC")
  public static let shippingWithoutVAT = FieldLabel("Port Sans TVA")
  public static let shippingSubjectToVAT = FieldLabel("Port Soumis TVA")
  public static let shippingVATRate = FieldLabel("Taux TVA Port Soumis")
  public static let article = FieldLabel("Code article")
  public static let quantity = FieldLabel("Quantité")
  public static let unitPrice = FieldLabel("PU HT")
  public static let unitPriceWithTax = FieldLabel("PU TTC")
  public static let vatRate = FieldLabel("Taux TVA")
  public static let isComment = FieldLabel("Ligne commentaire")
  public static let description = FieldLabel("Description")
  public static let lineDiscountRate = FieldLabel("Taux remise ligne")
  public static let lineUnitDiscount = FieldLabel("Mt unit. remise HT")
  public static let lineNumber = FieldLabel("N° ligne")
  public static let unit = FieldLabel("Unité")
}
