/// Plans, notices and pages the site does not publish — drafts (`draft: true`,
/// built only with `--drafts`) and plans withheld because their plan.md has
/// errors — so that a link to one can say why it leads nowhere.
public struct LeftOut: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable {
        case draft
        case withheld
    }

    public var plans: [PlanID: Reason] = [:]
    /// Notices by slug (the file name without `.md`).
    public var notices: [String: Reason] = [:]
    /// Free pages by slug.
    public var pages: [String: Reason] = [:]

    public init() {}

    public var isEmpty: Bool { plans.isEmpty && notices.isEmpty && pages.isEmpty }
}
