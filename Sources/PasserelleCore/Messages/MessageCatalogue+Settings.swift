extension MessageCatalogue {
  /// Errors in the settings and the command line, and the comments of the file
  /// `passerelle init` writes.
  static let settings: [MessageKey: MessageTemplate] = [
    .failureAtPath: MessageTemplate("{failure} : {path}", "{failure}: {path}"),
    .usageMistake: MessageTemplate("passerelle : {error}", "passerelle: {error}"),
    .unknownLogLevel: MessageTemplate(
      "niveau de journal inconnu « {value} »", "unknown log level '{value}'"
    ),
    .unknownLogFormat: MessageTemplate(
      "format de journal inconnu « {value} » (text ou json)",
      "unknown log format '{value}' (text or json)"
    ),
    .settingsAt: MessageTemplate("{path} : {problem}", "{path}: {problem}"),
    .settingsAtLine: MessageTemplate(
      "{path}, ligne {line} : {problem}", "{path}, line {line}: {problem}"),
    .notUTF8Text: MessageTemplate(
      "{path} n'est pas du texte UTF-8 : l'enregistrer en UTF-8.",
      "{path} is not UTF-8 text: save it as UTF-8."
    ),
    .notValidTOML: MessageTemplate("ce n'est pas du TOML valide", "not valid TOML"),
    .tableBelongsToRoot: MessageTemplate(
      "[{table}] se règle dans le passerelle.toml de la racine",
      "[{table}] belongs in the root's passerelle.toml"
    ),
    .unknownTable: MessageTemplate("table inconnue [{table}]", "unknown table [{table}]"),
    .unknownSetting: MessageTemplate("réglage inconnu {key}", "unknown setting {key}"),
    .settingWrongType: MessageTemplate(
      "{key} doit être du texte, un nombre, true ou false",
      "{key} must be text, a number or true/false"
    ),
    .settingNumberRange: MessageTemplate(
      "{key} doit être un nombre de {minimum} à {maximum}",
      "{key} must be a number from {minimum} to {maximum}"
    ),
    .settingNotInteger: MessageTemplate("{key} doit être un entier", "{key} must be an integer"),
    .settingNotText: MessageTemplate("{key} doit être du texte", "{key} must be text"),
    .settingCodePrefix: MessageTemplate(
      "{key} doit faire de 1 à 8 lettres ou chiffres, pour qu'un code tienne dans les 13 caractères de Sage",
      "{key} must be 1 to 8 letters or digits, so that a code fits Sage's 13 characters"
    ),
    .unknownEncoding: MessageTemplate(
      "encodage inconnu « {name} » (windows-1252 ou utf-8)",
      "unknown encoding \"{name}\" (windows-1252 or utf-8)"
    ),
    .settingShare: MessageTemplate(
      "{key} est une part entre 0 et 1", "{key} is a share between 0 and 1"
    ),
    .settingBoolean: MessageTemplate("{key} vaut true ou false", "{key} is true or false"),
    .settingDecimalSeparator: MessageTemplate(
      "{key} vaut \",\" ou \".\"", "{key} is \",\" or \".\""
    ),
    .settingOneOf: MessageTemplate("{key} vaut l'un de : {values}", "{key} is one of {values}"),
    .dossierSetting: MessageTemplate(
      "le dossier {name} doit être un dossier sous la racine (\"dossiers/{name}\"), avec un nom fait de lettres, chiffres, - ou _",
      "dossier {name} needs a folder inside the root (\"dossiers/{name}\"), and a name of letters, digits, - or _"
    ),
    .settingNotEmail: MessageTemplate(
      "{key} n'est pas une adresse e-mail", "{key} is not an e-mail address"
    ),
    .settingNotCountry: MessageTemplate(
      "{key} n'est pas un code pays ISO 3166 à deux lettres",
      "{key} is not an ISO 3166 alpha-2 country code"
    ),
    .urlRequired: MessageTemplate("url est obligatoire", "url is required"),
    .apiURLRefused: MessageTemplate(
      "[salesmanagement.api] url : {error}", "[salesmanagement.api] url: {error}"
    ),
    .credentialsIncomplete: MessageTemplate(
      "{path} : public_key et private_key sont obligatoires (les deux clés de la clé d'API créée par l'administrateur de SM)",
      "{path}: public_key and private_key are both required (the keys of the API key SM's administrator created)"
    ),
    .credentialsMissing: MessageTemplate(
      "{path} n'existe pas : y écrire les clés de l'API de SM (public_key = \"…\", private_key = \"…\"), ou définir {publicVariable} et {privateVariable}",
      "{path} does not exist: write SM's API keys there (public_key = \"…\", private_key = \"…\"), or set {publicVariable} and {privateVariable}"
    ),
    .credentialsReadableByOthers: MessageTemplate(
      "{path} est lisible par d'autres utilisateurs alors qu'il contient des clés secrètes : le rendre lisible par son seul propriétaire (chmod 600)",
      "{path} can be read by other users: it holds secret keys; make it readable by its owner only (chmod 600)"
    ),
    .dossiersShareFolder: MessageTemplate(
      "les dossiers {first} et {second} partagent le dossier {folder}",
      "dossiers {first} and {second} share the folder {folder}"
    ),
    .dossierOutsideRoot: MessageTemplate(
      "le dossier {name} doit être un dossier sous {root}",
      "dossier {name} must be a folder inside {root}"
    ),
    .notABatchOrDigest: MessageTemplate(
      "« {value} » n'est ni un numéro de lot ni un SHA-256",
      "'{value}' is neither a batch id nor a SHA-256"
    ),
    .commandNeedsAPI: MessageTemplate(
      "« passerelle {command} » a besoin de l'API de SM : ajouter [salesmanagement.api] avec son url dans {path}",
      "'passerelle {command}' needs SM's API: add [salesmanagement.api] with its url to {path}"
    ),
    .notARegularFile: MessageTemplate(
      "{path} n'est pas un fichier ordinaire", "{path} is not a regular file"
    ),
    .cannotReadFile: MessageTemplate(
      "impossible de lire {path} : {reason}", "cannot read {path}: {reason}"),
    .cannotCreateFile: MessageTemplate(
      "impossible de créer le fichier ({system})", "cannot create the file ({system})"
    ),
    .cannotWriteFile: MessageTemplate(
      "impossible d'écrire le fichier ({system}) : disque plein ou droits insuffisants ?",
      "cannot write the file ({system}): disk full or no permission?"
    ),
    .cannotSyncFile: MessageTemplate(
      "impossible d'écrire le fichier sur le disque ({system})",
      "cannot sync the file to disk ({system})"
    ),
    .cannotRename: MessageTemplate(
      "impossible de renommer {source} en {destination} ({system})",
      "cannot rename {source} to {destination} ({system})"
    ),
    .cannotStartThread: MessageTemplate(
      "impossible de démarrer un fil d'exécution {name} ({system}) : la machine manque de mémoire ou de fils",
      "cannot start a {name} thread ({system}): the machine is short of memory or threads"
    ),
    .cannotCreateFolder: MessageTemplate(
      "impossible de créer le dossier", "cannot create the folder"
    ),
    .cannotOpenLock: MessageTemplate(
      "impossible d'ouvrir le fichier de verrou ({system})", "cannot open the lock file ({system})"
    ),
    .anotherInstance: MessageTemplate(
      "un autre processus passerelle (PID {process}) travaille déjà sur ce dossier",
      "another passerelle process (PID {process}) is already working on this folder"
    ),
    .payloadUnreadable: MessageTemplate(
      "un fichier d'envoi écrit par ce lot ne peut pas être relu pour la livraison",
      "a payload written by this batch cannot be read back for delivery"
    ),
    .manifestCannotOpen: MessageTemplate(
      "le manifeste ne peut pas être ouvert ({error})", "the manifest cannot be opened ({error})"
    ),
    .manifestCannotRead: MessageTemplate(
      "le manifeste ne peut pas être lu ({error})", "the manifest cannot be read ({error})"
    ),
    .manifestCannotWrite: MessageTemplate(
      "le manifeste ne peut pas être écrit ({error})", "the manifest cannot be written ({error})"
    ),
    .noManifest: MessageTemplate("pas encore de manifeste", "there is no manifest yet"),
    .pictureCopyFailed: MessageTemplate(
      "impossible de copier l'image ({step} : {system})",
      "cannot copy the picture ({step}: {system})"
    ),
    .salesManagementUnusable: MessageTemplate(
      "Sales Management est inutilisable : {error}", "Sales Management cannot be used: {error}"
    ),
    .settingsFileText: MessageTemplate(
      """
      # passerelle.toml — réglages de Passerelle pour ce dossier.
      # Chaque réglage en commentaire ci-dessous montre sa valeur par défaut, ou un
      # exemple quand il n'en a pas. Retirer le « # » de tête pour en changer un.
      # Une erreur arrête Passerelle avec le code de sortie 2 et nomme la ligne.

      [reading]
      # Encodage des fichiers qui ne sont pas de l'UTF-8 valide (décidé pour tout le fichier).
      # fallback_encoding = "windows-1252"
      # Limites : un fichier qui en dépasse une est rejeté (too-large).
      # max_file_mb = 2048
      # max_field_kb = 1024
      # max_record_kb = 4096
      # max_columns = 1000
      # max_records = 10000000

      [sync]
      # Part maximale des fiches connues qu'un export complet peut supprimer ; au-delà,
      # le fichier est retenu (mass-deletion-guard) jusqu'à 'passerelle allow-deletions'.
      # mass_deletion_share = 0.20
      # Un fichier déposé est complet quand sa taille et son heure ne bougent plus
      # pendant ce temps (ou tout de suite quand NOM.done ou NOM.ok est posé à côté).
      # stability_seconds = 2
      # La même chose pour watch/salesmanagement/ (petits fichiers écrits d'un coup par
      # un programme) ; un fichier JSON qui s'arrête dans son tableau ou son objet
      # attend stability_seconds.
      # salesmanagement_stability_seconds = 0.5
      # Conversions d'un même fichier interrompues (plantage, arrêt forcé) avant qu'il
      # soit mis de côté (processing-failed), pour qu'il ne bloque pas les suivants.
      # max_attempts = 3
      # Fréquence à laquelle 'passerelle run' regarde watch/sage/ (secondes).
      # sage_poll_seconds = 900
      # Fréquence pour watch/salesmanagement/ (devis : un commercial attend).
      # salesmanagement_poll_seconds = 1
      # Regarder aussi dès que Linux signale l'arrivée d'un fichier (un simple indice :
      # la scrutation continue, car les partages réseau perdent des événements).
      # watch_events = true

      [dossiers]
      # Plusieurs dossiers Sage 50 (sociétés) servis par un seul 'passerelle run' : une
      # ligne chacun, le nom puis le dossier sous cette racine. Chaque dossier a ses
      # propres watch/, out/ (manifeste, compteurs de codes) et, au besoin, son propre
      # passerelle.toml ; le watch/ de la racine n'est alors pas utilisé. Exemples :
      # boulangerie = "dossiers/boulangerie"
      # traiteur = "dossiers/traiteur"

      [log]
      # Niveau le plus bas écrit : trace, debug, info, notice, warning, error, critical
      # (--log-level le remplace).
      # level = "info"
      # "text" pour les personnes, "json" pour les collecteurs de journaux : un objet
      # par ligne, avec le lot, le fichier, l'entité, les comptes et le résultat en
      # champs (--log-format le remplace).
      # format = "text"

      [report]
      # Langue de tout ce que les personnes lisent : rapports de rejets, .reason.json,
      # journaux, 'passerelle status' et 'rejects', et out/rapport.html (le rapport
      # HTML pour l'informatique, réécrit après chaque passage et par
      # 'passerelle report') : "fr" ou "en".
      {languageLine}

      [pictures]
      # Dossiers où les images des articles sont cherchées par nom de fichier (le
      # chemin écrit par Sage n'est jamais ouvert tel quel), séparés par « ; ».
      # Relatifs à ce fichier.
      # folders = "watch/sage/images"

      [sage]
      # Séparateur décimal des nombres dans les fichiers d'import écrits pour Sage 50
      # ("," ou ".", selon le paramétrage du format d'import dans Sage).
      # decimal_separator = ","
      # Codes donnés aux prospects et contacts créés dans SM : ce préfixe, puis un
      # compteur de 5 chiffres tenu dans le manifeste (jamais réutilisé). Lettres et
      # chiffres, 8 caractères au plus, pour qu'un code tienne dans les 13 de Sage.
      # prospect_code_prefix = "PSM"
      # contact_code_prefix = "CSM"

      [salesmanagement]
      # Utilisateur SM donné aux nouvelles sociétés sans représentant dans Sage
      # (jamais à celles qui en ont déjà un dans SM). Pas de valeur par défaut ; exemple :
      # admin_user_id = 1
      # Agence SM donnée aux sociétés (SM en exige une à la création).
      # Pas de valeur par défaut ; exemple :
      # branch_id = 1
      # typeId SM donné aux prospects. Pas de valeur par défaut (la nature voyage
      # dans Z_NATURE) ; exemple :
      # prospect_type_id = 3

      [salesmanagement.api]
      # Envoi à SM et lecture des changements de SM par son API. Table laissée en
      # commentaire : Passerelle ne travaille qu'avec des fichiers. Le fichier d'identifiants (relatif à ce
      # dossier) contient les deux clés de l'API de SM en texte TOML, public_key et
      # private_key, et n'est lisible que par son propriétaire (chmod 600) ;
      # PASSERELLE_SM_PUBLIC_KEY et PASSERELLE_SM_PRIVATE_KEY le remplacent. Exemple :
      # url = "https://api.forcemanager.com/api/v4"
      # credentials_file = "sm-credentials.toml"
      # Fréquence à laquelle SM est interrogé sur ses changements (secondes).
      # poll_seconds = 30
      # Nos propres limites d'appels à SM.
      # requests_per_minute = 120
      # requests_in_flight = 4

      [salesmanagement.matching]
      # Première connexion à un SM déjà utilisé : avant de créer une fiche, Passerelle
      # cherche dans SM les fiches saisies à la main (sans extId) qui sont la même
      # (sociétés : SIRET, TVA, e-mail, téléphone, site, nom et lieu ; contacts : nom,
      # e-mail, téléphone ; articles : code-barres, nom). Une seule sûre : elle est
      # reprise ; plusieurs, ou une douteuse : la fiche attend la décision de
      # l'informatique dans out/rapprochement.csv (passerelle reconcile).
      # enabled = true
      # Score à partir duquel une fiche de SM est reprise, et score à partir duquel
      # elle est proposée (plus bas que le premier) ; écart exigé avec la suivante
      # pour une reprise.
      # adopt_score = 60
      # candidate_score = 30
      # margin = 25

      [salesmanagement.countries]
      # Une ligne par pays : code ISO, puis countryId de SM. Vide par défaut : les pays
      # non associés vont dans Z_PAYS_ISO. Exemples :
      # FR = 73
      # BE = 21

      [salesmanagement.account_types]
      # Une ligne par « Type de client » de Sage, puis typeId de SM. Vide par défaut :
      # les types non associés vont dans Z_TYPE_CLIENT. Exemples :
      # "Professionnel" = 1
      # "Particulier" = 2

      [salesmanagement.product_families]
      # Une ligne par famille d'articles de Sage, puis familyId de SM. Vide par défaut :
      # les familles voyagent dans Z_FAMILLE. Exemple :
      # "Outillage" = 4

      [salesmanagement.users]
      # Utilisateurs que SM a déjà : e-mail, puis identifiant d'utilisateur SM. Un
      # représentant Sage ayant cet e-mail devient cet utilisateur (et ses sociétés
      # reçoivent salesRepId1). Vide par défaut. Exemple :
      # "sophie.marchand@example.fr" = 12

      """,
      """
      # passerelle.toml — Passerelle's settings for this folder.
      # Every commented setting below shows its default, or an example where a
      # setting has none. Remove the leading '#' to change one.
      # A mistake stops Passerelle with exit code 2 and names the line.

      [reading]
      # Encoding of files that are not valid UTF-8 (decided for a whole file).
      # fallback_encoding = "windows-1252"
      # Limits: a file over any of them is rejected as too-large.
      # max_file_mb = 2048
      # max_field_kb = 1024
      # max_record_kb = 4096
      # max_columns = 1000
      # max_records = 10000000

      [sync]
      # Largest share of known records one full export may delete; above it the
      # file is held (mass-deletion-guard) until 'passerelle allow-deletions'.
      # mass_deletion_share = 0.20
      # A dropped file is complete once its size and time are stable this long
      # (or at once when NAME.done or NAME.ok sits next to it).
      # stability_seconds = 2
      # The same for watch/salesmanagement/ (small files written at once by a program);
      # a JSON file that ends inside its array or object waits stability_seconds.
      # salesmanagement_stability_seconds = 0.5
      # Conversions of one file cut short (crash, kill) before it is set aside
      # (processing-failed), so that it cannot block the files behind it.
      # max_attempts = 3
      # How often 'passerelle run' looks at watch/sage/ (seconds).
      # sage_poll_seconds = 900
      # How often it looks at watch/salesmanagement/ (quotes: a rep is waiting).
      # salesmanagement_poll_seconds = 1
      # Also look at once when Linux reports a file arriving (a hint only: polling
      # still runs, as events are lost on network shares).
      # watch_events = true

      [dossiers]
      # Several Sage 50 dossiers (companies) served by one 'passerelle run': one line
      # each, the name then the folder inside this root. Each folder has its own watch/,
      # out/ (manifest, code counters) and, if needed, its own passerelle.toml; the
      # root's own watch/ is not used. Examples:
      # boulangerie = "dossiers/boulangerie"
      # traiteur = "dossiers/traiteur"

      [log]
      # Lowest level written: trace, debug, info, notice, warning, error, critical
      # (--log-level overrides it).
      # level = "info"
      # "text" for people, "json" for log collectors: one object per line, with the
      # batch, file, entity, counts and outcome as fields (--log-format overrides it).
      # format = "text"

      [report]
      # Language of everything people read: reject reports, .reason.json, logs,
      # 'passerelle status' and 'rejects', and out/rapport.html (the HTML report for
      # IT, rewritten after every pass and by 'passerelle report'): "fr" or "en".
      {languageLine}

      [pictures]
      # Folders where article pictures are looked up by file name (the path Sage
      # writes is never opened as given), separated by ';'. Relative to this file.
      # folders = "watch/sage/images"

      [sage]
      # Decimal separator of numbers in the import files written for Sage 50
      # ("," or ".", as the import format is set up in Sage).
      # decimal_separator = ","
      # Codes given to prospects and contacts created in SM: this prefix, then a
      # counter of 5 digits kept in the manifest (never reused). Letters and digits,
      # at most 8 characters, so that a code fits Sage's 13.
      # prospect_code_prefix = "PSM"
      # contact_code_prefix = "CSM"

      [salesmanagement]
      # SM user given to new accounts that have no representative in Sage
      # (never to accounts that already have one in SM). Not set by default; example:
      # admin_user_id = 1
      # SM branch set on accounts (SM requires one when an account is created).
      # Not set by default; example:
      # branch_id = 1
      # SM typeId given to prospects. Not set by default (the nature travels in
      # Z_NATURE); example:
      # prospect_type_id = 3

      [salesmanagement.api]
      # Delivery to SM and pulling SM's changes through its API. With the whole
      # table commented out, Passerelle works with files only. The credentials file (relative to this
      # folder) holds the two keys of SM's API key as TOML text, public_key and
      # private_key, and is readable by its owner only (chmod 600);
      # PASSERELLE_SM_PUBLIC_KEY and PASSERELLE_SM_PRIVATE_KEY override it. Example:
      # url = "https://api.forcemanager.com/api/v4"
      # credentials_file = "sm-credentials.toml"
      # How often SM is asked what changed (seconds).
      # poll_seconds = 30
      # Our own limits on calls to SM.
      # requests_per_minute = 120
      # requests_in_flight = 4

      [salesmanagement.matching]
      # First connection to an SM already in use: before creating a record,
      # Passerelle looks in SM for the records typed by hand (no extId) that are the
      # same (companies: SIRET, VAT, e-mail, phone, website, name and place; contacts:
      # name, e-mail, phone; products: barcode, name). Exactly one sure
      # match is adopted; several, or a doubtful one: the record waits for IT's
      # decision in out/rapprochement.csv (passerelle reconcile).
      # enabled = true
      # Score from which an SM record is adopted, score from which it is proposed
      # (below the first); lead over the next one an adoption needs.
      # adopt_score = 60
      # candidate_score = 30
      # margin = 25

      [salesmanagement.countries]
      # One line per country: ISO code, then SM's countryId. Empty by default:
      # unmapped countries go to Z_PAYS_ISO. Examples:
      # FR = 73
      # BE = 21

      [salesmanagement.account_types]
      # One line per Sage "Type de client", then SM's typeId. Empty by default:
      # unmapped types go to Z_TYPE_CLIENT. Examples:
      # "Professionnel" = 1
      # "Particulier" = 2

      [salesmanagement.product_families]
      # One line per Sage article family, then SM's familyId. Empty by default:
      # families travel in Z_FAMILLE. Example:
      # "Outillage" = 4

      [salesmanagement.users]
      # Users SM already has: e-mail, then SM's user id. A Sage representative
      # with that e-mail becomes that user (and its accounts get salesRepId1).
      # Empty by default. Example:
      # "sophie.marchand@example.fr" = 12

      """
    ),
  ]
}
