import PasserelleCore
import RecordMatching

/// The catalogue's words for each piece of evidence.
extension MatchEvidence {
  var messageKey: MessageKey {
    switch self {
    case .siren: .evidenceSiren
    case .vatNumber: .evidenceVatNumber
    case .email: .evidenceEmail
    case .phone: .evidencePhone
    case .domain: .evidenceDomain
    case .sameName: .evidenceSameName
    case .closeName: .evidenceCloseName
    case .postcode: .evidencePostcode
    case .city: .evidenceCity
    case .personName: .evidencePersonName
    case .lastName: .evidenceLastName
    case .barcode: .evidenceBarcode
    case .sameModel: .evidenceSameModel
    case .closeModel: .evidenceCloseModel
    case .otherPlace: .evidenceOtherPlace
    case .otherIdentifier: .evidenceOtherIdentifier
    case .otherPerson: .evidenceOtherPerson
    }
  }

  /// The evidence as people read it: "même nom, même code postal".
  static func text(_ evidence: [MatchEvidence], in language: ReportLanguage) -> String {
    guard !evidence.isEmpty else { return Message(.evidenceChosenByIT).text(in: language) }
    return evidence.map { Message($0.messageKey).text(in: language) }.joined(separator: ", ")
  }
}
