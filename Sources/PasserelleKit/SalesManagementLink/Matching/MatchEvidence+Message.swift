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
}
