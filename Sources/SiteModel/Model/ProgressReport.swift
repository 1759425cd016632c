/// 落实情况: the state of a task as a report gives it.
public enum TaskStatus: String, Sendable, Hashable, CaseIterable, Comparable {
    case notStarted = "not_started"
    case inProgress = "in_progress"
    case delayed
    case done

    /// Display order: the ones needing attention first.
    var rank: Int {
        switch self {
        case .delayed: 0
        case .inProgress: 1
        case .notStarted: 2
        case .done: 3
        }
    }

    public static func < (lhs: TaskStatus, rhs: TaskStatus) -> Bool { lhs.rank < rhs.rank }
}

/// A progress report of one plan: `plans/<id>/progress/<YYYY-MM>.yaml`.
public struct ProgressReport: Sendable, Hashable {
    /// The reporting period from the file name, `YYYY-MM`.
    public var period: String
    /// The date the figures are as of.
    public var asOf: Day
    public var updates: [TaskUpdate]
    public var indicators: [IndicatorValue]
    /// Where the report is: the file's first line.
    public var location: SourceLocation

    public init(period: String, asOf: Day, updates: [TaskUpdate] = [], indicators: [IndicatorValue] = [], location: SourceLocation) {
        self.period = period
        self.asOf = asOf
        self.updates = updates
        self.indicators = indicators
        self.location = location
    }
}

/// One task's line in a report.
public struct TaskUpdate: Sendable, Hashable {
    public var task: TaskNumber
    public var status: TaskStatus
    /// 0–100.
    public var percent: Int?
    public var note: BilingualText?
    public var location: SourceLocation

    public init(task: TaskNumber, status: TaskStatus, percent: Int? = nil, note: BilingualText? = nil, location: SourceLocation) {
        self.task = task
        self.status = status
        self.percent = percent
        self.note = note
        self.location = location
    }
}

/// An indicator's value in a report.
public struct IndicatorValue: Sendable, Hashable {
    public var id: String
    public var value: Double
    public var location: SourceLocation

    public init(id: String, value: Double, location: SourceLocation) {
        self.id = id
        self.value = value
        self.location = location
    }
}
