/// The resolve stage's output, which every page reads: plans in display order
/// with their unit references resolved, units by id, and the indexes pages need.
public struct ResolvedSite: Sendable {
    public var site: SiteConfig
    /// Newest first: by issue date, then id.
    public var plans: [Plan]
    /// By id.
    public var units: [Unit]
    public var directory: UnitDirectory
    /// Every task a unit takes part in, by unit: plan order, then task number, then role.
    public var assignments: [UnitID: [Assignment]]
    /// The date statuses and overdue tasks are computed at (`--build-date`).
    public var buildDate: Day
    /// Each task's progress at the build date, by plan.
    public var progress: [PlanID: [TaskNumber: TaskProgress]]
    /// Indicators with their values at the build date, by plan.
    public var indicatorProgress: [PlanID: [IndicatorProgress]]
    /// Listed hazards: open ones first (longest open first), then closed ones (latest closed first).
    public var hazards: [Hazard]
    /// Accident statistics and their aggregates, when the site has them.
    public var statistics: AccidentStatistics?
    public var statisticsSummary: StatisticsSummary?
    /// Notices, newest first (date, then slug).
    public var notices: [Article] = []
    /// Free pages by slug (`report` is the reporting guide's text).
    public var pages: [Article] = []

    public func page(_ slug: String) -> Article? { pages.first { $0.slug == slug } }

    /// True when any page shows figures that are examples (site.yaml or categories.yaml `sample: true`).
    public var isSample: Bool { site.isSample || statistics?.isSample == true }

    public func progress(_ plan: PlanID, _ task: TaskNumber) -> TaskProgress? { progress[plan]?[task] }

    /// Status counts over a plan's tasks, or over given tasks.
    public func counts(_ plan: Plan, tasks: [PlanTask]? = nil) -> StatusCounts {
        var counts = StatusCounts()
        for task in tasks ?? plan.tasks {
            if let p = progress(plan.id, task.number) { counts.add(p) }
        }
        return counts
    }

    /// Status counts over every task of the plans in force.
    public var countsInForce: StatusCounts {
        var counts = StatusCounts()
        for plan in plans where plan.status == .inForce {
            for task in plan.tasks {
                if let p = progress(plan.id, task.number) { counts.add(p) }
            }
        }
        return counts
    }

    /// True when any plan has a progress report dated on or before the build date.
    public var hasProgressData: Bool { plans.contains { $0.reports.contains { $0.asOf <= buildDate } } }

    public func plan(_ id: PlanID) -> Plan? { plans.first { $0.id == id } }

    public func unit(_ id: UnitID) -> Unit? { directory[id] }

    public func assignments(of unit: UnitID) -> [Assignment] { assignments[unit] ?? [] }
}

/// A unit's part in one task.
public struct Assignment: Sendable, Hashable {
    public var plan: PlanID
    public var task: TaskNumber
    public var role: UnitRole
}
