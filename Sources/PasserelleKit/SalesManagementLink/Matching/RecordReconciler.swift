import Foundation
import PasserelleCore
import PasserelleManifest
import RecordMatching
import SalesManagementAPI

/// Decides, before the first create of a Sage record, whether SM already holds it
/// as a record typed by hand: adopt it, hold it for IT, or create it. IT's choices
/// from the reconciliation file come first. Reads SM only.
final class RecordReconciler {
  enum Verdict {
    /// `chosen` when IT chose it at reconciliation.
    case create(chosen: Bool)
    /// Take over SM's record: `evidence` empty when IT chose it.
    case adopt(smId: Int, evidence: [MatchEvidence])
    case hold(Message, candidates: [ScoredCandidate])
    /// IT chose to keep the record out of SM.
    case ignore
  }

  private let candidates: CandidateBook
  let decisions: ReconciliationBook
  private let refresh: CandidateRefresh
  private let client: SalesManagementClient
  private let rules: MatchRules
  private let enabled: Bool
  private let clock: @Sendable () -> Date
  private let language: ReportLanguage
  /// Resources whose candidates were refreshed in this delivery.
  private var refreshed = Set<MatchableResource>()
  /// SM records adopted in this delivery: one SM record is never given two codes.
  private var claimed = Set<String>()

  init(
    manifest: Manifest, client: SalesManagementClient, rules: MatchRules, enabled: Bool,
    language: ReportLanguage, clock: @escaping @Sendable () -> Date
  ) {
    self.language = language
    candidates = CandidateBook(manifest: manifest)
    decisions = ReconciliationBook(manifest: manifest)
    refresh = CandidateRefresh(client: client, book: candidates, clock: clock)
    self.client = client
    self.rules = rules
    self.enabled = enabled
    self.clock = clock
  }

  /// The verdict for the record `code` of `resource`, whose data (references
  /// resolved) SM would get.
  func verdict(resource: String, code: String, data: JSONValue) async throws -> Verdict {
    guard let kind = MatchableResource(rawValue: resource) else { return .create(chosen: false) }
    if let choice = try decisions.choice(resource: resource, code: code) {
      return try await held(apply(choice, kind, code: code), resource, code, data)
    }
    guard enabled else { return .create(chosen: false) }
    if refreshed.insert(kind).inserted { try await refresh.run(kind) }
    let keys = MatchKeys(MatchProfile(record: data, resource: kind))
    let found = try candidates.candidates(
      resource: resource, lookups: LookupKey.sought(keys, resource: kind)
    ).filter { !claimed.contains(Self.claim(resource, $0.smId)) }
    let decoder = JSONDecoder()
    let compared = found.compactMap { entry in
      (try? decoder.decode(MatchKeys.self, from: entry.keys)).map { (entry.smId, $0, entry.label) }
    }
    switch Matcher(resource: kind, rules: rules).decide(keys, among: compared) {
    case .create: return .create(chosen: false)
    case .adopt(let candidate):
      claimed.insert(Self.claim(resource, candidate.smId))
      return .adopt(smId: candidate.smId, evidence: candidate.evidence)
    case .hold(let listed):
      let strong = listed.filter { $0.score >= rules.adoptScore }.count
      let reason =
        strong > 1
        ? Message(.matchSeveral, ["count": .number(strong)]) : Message(.matchWeak)
      return try held(.hold(reason, candidates: listed), resource, code, data)
    }
  }

  /// Records a hold in the reconciliation book (IT's earlier choice, if any, is
  /// forgotten: it could not be applied); returns the verdict unchanged.
  private func held(_ verdict: Verdict, _ resource: String, _ code: String, _ data: JSONValue)
    throws -> Verdict
  {
    guard case .hold(let reason, let listed) = verdict,
      let kind = MatchableResource(rawValue: resource)
    else { return verdict }
    try decisions.hold(
      resource: resource, code: code, label: MatchProfile(record: data, resource: kind).label,
      reason: reason.text(in: language), candidates: try JSONEncoder().encode(listed), at: clock())
    return verdict
  }

  /// IT's choice, checked against SM: the chosen record must exist, not be
  /// deleted, and not carry another code.
  private func apply(_ choice: ReconciliationBook.Choice, _ kind: MatchableResource, code: String)
    async throws -> Verdict
  {
    switch choice {
    case .create: return .create(chosen: true)
    case .ignore: return .ignore
    case .adopt(let id):
      let record = try await client.get(kind.rawValue, id: id)
      guard let record, record["deleted"] != .bool(true) else {
        return .hold(Message(.choiceMissing, ["id": .text(String(id))]), candidates: [])
      }
      if let other = record["extId"]?.string, !other.isEmpty, other != code {
        return .hold(
          Message(.choiceLinked, ["id": .text(String(id)), "code": .text(other)]), candidates: [])
      }
      claimed.insert(Self.claim(kind.rawValue, id))
      return .adopt(smId: id, evidence: [])
    }
  }

  /// Records what a slice's delivered calls settled: adoptions, with their
  /// evidence; records IT chose to create, which wait no more.
  func confirmed(_ calls: [PlannedCall]) throws {
    var adoptions: [ReconciliationBook.Adoption] = []
    for call in calls {
      let operation = call.operation
      switch call.kind {
      case .adopt(let id, let data, let evidence):
        let label = MatchableResource(rawValue: operation.resource).map {
          MatchProfile(record: data, resource: $0).label
        }
        adoptions.append(
          .init(
            resource: operation.resource, code: operation.extId, label: label ?? "", smId: id,
            evidence: evidence.map(\.rawValue).joined(separator: ",")))
      case .create where call.settlesChoice:
        try decisions.settle(resource: operation.resource, code: operation.extId)
      default: break
      }
    }
    try decisions.adopted(adoptions, at: clock())
  }

  private static func claim(_ resource: String, _ smId: Int) -> String { "\(resource)/\(smId)" }
}
