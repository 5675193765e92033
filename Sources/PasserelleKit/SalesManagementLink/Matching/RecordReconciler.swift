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
    case create
    /// Take over SM's record: `evidence` empty when IT chose it.
    case adopt(smId: Int, evidence: [MatchEvidence])
    case hold(Message)
    /// IT chose to keep the record out of SM.
    case ignore
  }

  private let candidates: CandidateBook
  let decisions: ReconciliationBook
  private let refresh: CandidateRefresh
  private let client: SalesManagementClient
  private let rules: MatchRules
  private let enabled: Bool
  private let language: ReportLanguage
  private let clock: @Sendable () -> Date
  /// Resources whose candidates were refreshed in this delivery.
  private var refreshed = Set<MatchableResource>()
  /// SM records adopted in this delivery: one SM record is never given two codes.
  private var claimed = Set<String>()

  init(
    manifest: Manifest, client: SalesManagementClient, rules: MatchRules, enabled: Bool,
    language: ReportLanguage, clock: @escaping @Sendable () -> Date
  ) {
    candidates = CandidateBook(manifest: manifest)
    decisions = ReconciliationBook(manifest: manifest)
    refresh = CandidateRefresh(client: client, book: candidates, clock: clock)
    self.client = client
    self.rules = rules
    self.enabled = enabled
    self.language = language
    self.clock = clock
  }

  /// The verdict for the record `code` of `resource`, whose data (references
  /// resolved) SM would get. A hold is recorded for the reconciliation file.
  func verdict(resource: String, code: String, data: JSONValue) async throws -> Verdict {
    guard let kind = MatchableResource(rawValue: resource) else { return .create }
    if let choice = try decisions.choice(resource: resource, code: code) {
      switch try await apply(choice, kind, code: code) {
      case .success(let verdict): return verdict
      case .failure(let refusal):
        return try hold(refusal.reason, try await listed(kind, data), code, data, kind)
      }
    }
    guard enabled else { return .create }
    switch try await match(kind, data) {
    case .create: return .create
    case .adopt(let candidate):
      claimed.insert(Self.claim(resource, candidate.smId))
      return .adopt(smId: candidate.smId, evidence: candidate.evidence)
    case .hold(let listed):
      let strong = listed.filter { $0.score >= rules.adoptScore }.count
      let reason =
        strong > 1 ? Message(.matchSeveral, ["count": .number(strong)]) : Message(.matchWeak)
      return try hold(reason, listed, code, data, kind)
    }
  }

  /// Whether `code` took over a record typed in SM: its rep stays SM's.
  func wasAdopted(resource: String, code: String) throws -> Bool {
    guard MatchableResource(rawValue: resource) != nil else { return false }
    return try decisions.wasAdopted(resource: resource, code: code)
  }

  /// SM's candidates for the record, compared with it and decided on.
  private func match(_ kind: MatchableResource, _ data: JSONValue) async throws -> MatchDecision {
    if refreshed.insert(kind).inserted { try await refresh.run(kind) }
    let keys = MatchKeys(MatchProfile(record: data, resource: kind))
    let decoder = JSONDecoder()
    let compared = try candidates.candidates(
      resource: kind.rawValue, lookups: LookupKey.sought(keys, resource: kind)
    ).filter { !claimed.contains(Self.claim(kind.rawValue, $0.smId)) }.map { entry in
      do {
        return (entry.smId, try decoder.decode(MatchKeys.self, from: entry.keys), entry.label)
      } catch {
        throw EnvironmentFailure(.manifestCannotRead, ["error": .error(error)])
      }
    }
    return Matcher(resource: kind, rules: rules).decide(keys, among: compared)
  }

  /// The candidates IT chooses among, whatever the decision would be.
  private func listed(_ kind: MatchableResource, _ data: JSONValue) async throws
    -> [ScoredCandidate]
  {
    guard enabled else { return [] }
    switch try await match(kind, data) {
    case .create: return []
    case .adopt(let candidate): return [candidate]
    case .hold(let listed): return listed
    }
  }

  /// Why IT's choice cannot be applied.
  private struct ChoiceRefused: Error {
    var reason: Message
  }

  /// IT's choice, checked against SM and this delivery: the chosen record must
  /// exist, not be deleted, carry no other code, and not be taken by another
  /// record of this delivery.
  private func apply(_ choice: ReconciliationBook.Choice, _ kind: MatchableResource, code: String)
    async throws -> Result<Verdict, ChoiceRefused>
  {
    switch choice {
    case .create: return .success(.create)
    case .ignore: return .success(.ignore)
    case .adopt(let id):
      let claim = Self.claim(kind.rawValue, id)
      let record = try await client.get(kind.rawValue, id: id)
      guard let record, record["deleted"] != .bool(true) else {
        return .failure(ChoiceRefused(reason: Message(.choiceMissing, ["id": .text(String(id))])))
      }
      let other = record["extId"]?.string ?? ""
      guard other.isEmpty || other == code, !claimed.contains(claim) else {
        let holder = other.isEmpty ? "—" : other
        return .failure(
          ChoiceRefused(
            reason: Message(.choiceLinked, ["id": .text(String(id)), "code": .text(holder)])))
      }
      claimed.insert(claim)
      return .success(.adopt(smId: id, evidence: []))
    }
  }

  /// Records a hold in the reconciliation book (IT's earlier choice, if any, is
  /// forgotten: it could not be applied).
  private func hold(
    _ reason: Message, _ listed: [ScoredCandidate], _ code: String, _ data: JSONValue,
    _ kind: MatchableResource
  ) throws -> Verdict {
    try decisions.hold(
      resource: kind.rawValue, code: code, label: MatchProfile(record: data, resource: kind).label,
      reason: reason.text(in: language), candidates: try JSONEncoder().encode(listed), at: clock())
    return .hold(reason)
  }

  /// Records what a slice's delivered calls settled: adoptions, with their
  /// evidence; every other record created or updated waits for IT no more.
  func confirmed(_ calls: [PlannedCall]) throws {
    var adoptions: [ReconciliationBook.Adoption] = []
    var settled: [(resource: String, code: String)] = []
    for call in calls {
      let operation = call.operation
      guard let kind = MatchableResource(rawValue: operation.resource) else { continue }
      switch call.kind {
      case .adopt(let id, let data, let evidence):
        adoptions.append(
          .init(
            resource: operation.resource, code: operation.extId,
            label: MatchProfile(record: data, resource: kind).label, smId: id,
            evidence: evidence.map(\.rawValue).joined(separator: ",")))
      case .create, .update: settled.append((operation.resource, operation.extId))
      default: break
      }
    }
    try decisions.settle(settled)
    try decisions.adopted(adoptions, at: clock())
  }

  private static func claim(_ resource: String, _ smId: Int) -> String { "\(resource)/\(smId)" }
}
