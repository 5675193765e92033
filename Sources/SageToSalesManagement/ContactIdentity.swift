import Crypto
import PasserelleCore
import PasserelleReading

/// How a Sales Management contact made from Sage 50 (the main contact a company row
/// carries, or a row of a contacts export) is keyed. Contacts are editable in SM
/// (both ways).
package enum ContactIdentity {
  /// The `extId` of a contact Sage gives no code: the company's code, a dot, and 8
  /// hex digits of SHA-256 over the person's name as `LabelKey` normalises it
  /// ("last first": case, accents and spacing do not matter). Deterministic, so the
  /// same person keeps one id across exports; a renamed person is a new contact.
  package static func derived(company: String, person: PersonName) -> String {
    let digest = LabelKey.withNormalised(person.lastName, person.firstName) { key in
      var hasher = SHA256()
      hasher.update(bufferPointer: key)
      return hasher.finalize()
    }
    // Through the digest's bytes: iterating the digest itself costs more than the hash.
    return digest.withUnsafeBytes { digest in
      Hex.string(prefix: company + ".", UnsafeRawBufferPointer(rebasing: digest[..<4]))
    }
  }

  /// Sage contact codes and derived ids must fit SM's 30-character `extId`.
  static let maximumLength = 30
}
