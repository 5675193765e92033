extension SettingsFile {
  /// What `passerelle init` writes: every setting, commented out at its default.
  public static let defaultText = """
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
    # Language of out/rapport.html, the HTML report for IT rewritten after every
    # pass and by 'passerelle report': "fr" or "en".
    # language = "fr"

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
    # Delivery to SM and pulling SM's changes through its API. Without a url,
    # Passerelle works with files only. The credentials file (relative to this
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
}
