/// A reference to another plan of the site, as written (`supersedes: putuo-2022`), with its place.
public struct PlanReference: Sendable, Hashable {
    public var id: PlanID
    public var location: SourceLocation

    public init(id: PlanID, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}

/// How a plan stands to the others: the guidelines require a document that was changed or
/// repealed to say so on its own page, with a link to the one that changed it.
public struct PlanRelations: Sendable, Hashable {
    /// `supersedes`: the plans this one replaces (废止, 替代).
    public var supersedes: [PlanReference] = []
    /// `superseded_by`: the plans that replace this one.
    public var supersededBy: [PlanReference] = []
    /// `amends`: the plans this one changes in part (修改).
    public var amends: [PlanReference] = []
    /// The plans that change this one (from their `amends`).
    public var amendedBy: [PlanReference] = []

    public init() {}

    public var isEmpty: Bool { supersedes.isEmpty && supersededBy.isEmpty && amends.isEmpty && amendedBy.isEmpty }
}

/// A policy interpretation (政策解读) of a plan: a page elsewhere (`url`) or one of this site's
/// free pages (`page`, its slug).
public struct Interpretation: Sendable, Hashable {
    public var title: BilingualText
    public var url: String?
    public var page: String?
    /// 发布日期, when given.
    public var date: Day?
    public var location: SourceLocation

    public init(title: BilingualText, url: String? = nil, page: String? = nil, date: Day? = nil, location: SourceLocation) {
        self.title = title
        self.url = url
        self.page = page
        self.date = date
        self.location = location
    }
}

/// One entry of a plan's revision history (修订记录): the day the published plan changed, and how.
public struct Revision: Sendable, Hashable {
    public var date: Day
    public var what: BilingualText

    public init(date: Day, what: BilingualText) {
        self.date = date
        self.what = what
    }
}
