/// A task's progress at the build date: the latest report on or before it.
public struct TaskProgress: Sendable, Hashable {
    /// `not_started` when no report mentions the task yet.
    public var status: TaskStatus
    public var percent: Int?
    /// The date of the report that set the status; nil when none did.
    public var asOf: Day?
    public var note: BilingualText?
    /// Past its due date, or a milestone's, and not done.
    public var isOverdue: Bool
    /// The earliest due or milestone date that has passed while the task is not done.
    public var overdueSince: Day?
    /// The task's deadline: its `due` date, else the end of its plan's period (a task the list
    /// gives no date is due when the plan ends).
    public var deadline: Day?
    /// True when `deadline` is the plan's end, not a date of the task's own.
    public var deadlineIsPlanEnd = false
    /// Every report's line for the task up to the build date, newest first.
    public var history: [TaskHistoryEntry]

    public var hasReport: Bool { asOf != nil }
}

/// One report's line for a task.
public struct TaskHistoryEntry: Sendable, Hashable {
    public var period: String
    public var asOf: Day
    public var status: TaskStatus
    public var percent: Int?
    public var note: BilingualText?
}

/// An indicator's reported values up to the build date.
public struct IndicatorProgress: Sendable, Hashable {
    public var indicator: Indicator
    /// Oldest first.
    public var values: [DatedValue]

    public var current: DatedValue? { values.last }

    /// How far the latest value has come from the baseline toward the target, 0…1 (clamped); nil without numbers.
    public var fractionOfTarget: Double? {
        guard let baseline = indicator.baseline, let target = indicator.target, let value = current?.value,
              target != baseline else { return nil }
        return min(1, max(0, (value - baseline) / (target - baseline)))
    }
}

public struct DatedValue: Sendable, Hashable {
    public var date: Day
    public var value: Double
}

/// Tasks counted by status at the build date; overdue counts tasks whatever their status.
public struct StatusCounts: Sendable, Hashable {
    public var notStarted = 0
    public var inProgress = 0
    public var delayed = 0
    public var done = 0
    public var overdue = 0

    public init() {}

    public var total: Int { notStarted + inProgress + delayed + done }

    public subscript(status: TaskStatus) -> Int {
        switch status {
        case .notStarted: notStarted
        case .inProgress: inProgress
        case .delayed: delayed
        case .done: done
        }
    }

    public mutating func add(_ progress: TaskProgress) {
        switch progress.status {
        case .notStarted: notStarted += 1
        case .inProgress: inProgress += 1
        case .delayed: delayed += 1
        case .done: done += 1
        }
        if progress.isOverdue { overdue += 1 }
    }

    public mutating func add(_ other: StatusCounts) {
        notStarted += other.notStarted
        inProgress += other.inProgress
        delayed += other.delayed
        done += other.done
        overdue += other.overdue
    }
}

/// Computes every task's progress and every indicator's values at a date.
public enum ProgressTracker {
    public static func progress(of plan: Plan, at date: Day) -> [TaskNumber: TaskProgress] {
        let reports = plan.reports.filter { $0.asOf <= date }.sorted { $0.asOf < $1.asOf }
        var result: [TaskNumber: TaskProgress] = [:]
        for task in plan.tasks {
            var history: [TaskHistoryEntry] = []
            for report in reports {
                for update in report.updates where update.task == task.number {
                    history.append(TaskHistoryEntry(period: report.period, asOf: report.asOf, status: update.status,
                                                    percent: update.percent, note: update.note))
                }
            }
            let latest = history.last
            let status = latest?.status ?? .notStarted
            let deadline = task.due ?? plan.period?.end
            let passed = ([deadline].compactMap { $0 } + task.milestones.map(\.date)).filter { $0 < date }
            let overdueSince = status == .done ? nil : passed.min()
            result[task.number] = TaskProgress(status: status, percent: latest?.percent, asOf: latest?.asOf, note: latest?.note,
                                               isOverdue: overdueSince != nil, overdueSince: overdueSince,
                                               deadline: deadline, deadlineIsPlanEnd: task.due == nil && deadline != nil,
                                               history: history.reversed())
        }
        return result
    }

    /// The tasks done at the date of each of the plan's reports — reported done by the latest report
    /// on or before it that mentions them — in one pass over the reports.
    public static func doneCounts(of plan: Plan) -> [Day: Int] {
        var copies: [TaskNumber: Int] = [:]
        for index in plan.tasks.indices { copies[plan.tasks[index].number, default: 0] += 1 }
        var latest: [TaskNumber: TaskStatus] = [:]
        var done = 0
        var counts: [Day: Int] = [:]
        for report in plan.reports.sorted(by: { $0.asOf < $1.asOf }) {
            for update in report.updates {
                let times = copies[update.task] ?? 0
                if latest[update.task] == .done { done -= times }
                if update.status == .done { done += times }
                latest[update.task] = update.status
            }
            counts[report.asOf] = done
        }
        return counts
    }

    public static func indicators(of plan: Plan, at date: Day) -> [IndicatorProgress] {
        let reports = plan.reports.filter { $0.asOf <= date }.sorted { $0.asOf < $1.asOf }
        return plan.indicators.map { indicator in
            var values: [DatedValue] = []
            for report in reports {
                for value in report.indicators where value.id == indicator.id {
                    values.append(DatedValue(date: report.asOf, value: value.value))
                }
            }
            return IndicatorProgress(indicator: indicator, values: values)
        }
    }
}
