/// One row of a plan's responsibility list (责任清单).
public struct PlanTask: Sendable, Hashable {
    /// 序号.
    public var number: TaskNumber
    public var group: GroupID?
    /// 重点任务.
    public var title: BilingualText
    /// 牵头领导: people, by name.
    public var leaders: [BilingualText]
    /// 牵头部门: the leading units.
    public var lead: [UnitReference]
    /// 责任单位.
    public var responsible: [UnitReference]
    /// 配合单位.
    public var cooperating: [UnitReference]
    /// 工作要求, Markdown.
    public var requirements: BilingualText?
    /// Where each language of `requirements` starts in tasks.yaml.
    public var requirementsOrigins = TextOrigins()
    public var due: Day?
    public var milestones: [Milestone]
    /// 备注, Markdown.
    public var remarks: BilingualText?
    /// Where each language of `remarks` starts in tasks.yaml.
    public var remarksOrigins = TextOrigins()
    /// 行业领域.
    public var tags: [String]
    public var location: SourceLocation

    public init(number: TaskNumber, title: BilingualText, location: SourceLocation) {
        self.number = number
        self.title = title
        self.location = location
        self.leaders = []
        self.lead = []
        self.responsible = []
        self.cooperating = []
        self.milestones = []
        self.tags = []
    }

    /// The task's units in one role.
    public func units(_ role: UnitRole) -> [UnitReference] {
        switch role {
        case .lead: lead
        case .responsible: responsible
        case .cooperating: cooperating
        }
    }
}

/// The part a unit plays in a task.
public enum UnitRole: String, Sendable, Hashable, CaseIterable, Comparable {
    /// 牵头部门.
    case lead
    /// 责任单位.
    case responsible
    /// 配合单位.
    case cooperating

    var rank: Int {
        switch self {
        case .lead: 0
        case .responsible: 1
        case .cooperating: 2
        }
    }

    public static func < (lhs: UnitRole, rhs: UnitRole) -> Bool { lhs.rank < rhs.rank }
}

/// A dated step of a task.
public struct Milestone: Sendable, Hashable {
    public var date: Day
    public var what: BilingualText

    public init(date: Day, what: BilingualText) {
        self.date = date
        self.what = what
    }
}

/// A chapter of the responsibility list.
public struct TaskGroup: Sendable, Hashable {
    public var id: GroupID
    public var title: BilingualText

    public init(id: GroupID, title: BilingualText) {
        self.id = id
        self.title = title
    }
}

/// A measurable target of a plan, e.g. the helmet-wearing rate from 93% to 100%.
public struct Indicator: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable, CaseIterable {
        case up, down
    }

    public var id: String
    public var title: BilingualText
    /// %, 个, 起…
    public var unit: String?
    public var baseline: Double?
    public var target: Double?
    public var direction: Direction

    public init(id: String, title: BilingualText, unit: String? = nil, baseline: Double? = nil,
                target: Double? = nil, direction: Direction = .up) {
        self.id = id
        self.title = title
        self.unit = unit
        self.baseline = baseline
        self.target = target
        self.direction = direction
    }
}
