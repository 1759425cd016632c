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
    /// Drafts left out of this build and plans, notices and pages withheld for their errors.
    public var leftOut = LeftOut()
    /// Stand-ins a `gen-site new` skeleton wrote that are still in the content (`unfinished-skeleton`):
    /// reported by the render stage, so that a preview shows the pages and a build refuses them.
    public var unfinished: [Diagnostic] = []
    /// Where each plan is in `plans`, and each task in its plan's `tasks` (`reindex()` makes them).
    private(set) var planIndex: [PlanID: Int] = [:]
    private(set) var taskIndex: [PlanID: [TaskNumber: Int]] = [:]
    /// Each unit's assignments by plan, in plan order.
    private(set) var assignmentsByPlan: [UnitID: [(plan: Int, assignments: [Assignment])]] = [:]

    /// Rebuilds the indexes after `plans` or `assignments` changed (the resolver calls it).
    public mutating func reindex() {
        planIndex = Dictionary(plans.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        taskIndex = Dictionary(plans.map { plan in
            (plan.id, Dictionary(plan.tasks.enumerated().map { ($0.element.number, $0.offset) }, uniquingKeysWith: { first, _ in first }))
        }, uniquingKeysWith: { first, _ in first })
        assignmentsByPlan = assignments.mapValues { list in
            var grouped: [Int: [Assignment]] = [:]
            for assignment in list {
                if let index = planIndex[assignment.plan] { grouped[index, default: []].append(assignment) }
            }
            return grouped.keys.sorted().map { ($0, grouped[$0] ?? []) }
        }
    }

    /// Sets the indexes `reindex()` makes from parts the resolver keeps for each plan.
    mutating func index(tasks: [PlanID: [TaskNumber: Int]], assignmentsByPlan: [UnitID: [(plan: Int, assignments: [Assignment])]]) {
        planIndex = Dictionary(plans.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        taskIndex = tasks
        self.assignmentsByPlan = assignmentsByPlan
    }

    public func page(_ slug: String) -> Article? { pages.first { $0.slug == slug } }

    /// True when any page shows figures that are examples (site.yaml or categories.yaml `sample: true`).
    public var isSample: Bool { site.isSample || statistics?.isSample == true }

    public func progress(_ plan: PlanID, _ task: TaskNumber) -> TaskProgress? { progress[plan]?[task] }

    /// Status counts over a plan's tasks (read in place: a task value is large to copy).
    public func counts(_ plan: Plan) -> StatusCounts {
        var counts = StatusCounts()
        let progress = self.progress[plan.id]
        for index in plan.tasks.indices {
            if let p = progress?[plan.tasks[index].number] { counts.add(p) }
        }
        return counts
    }

    /// Status counts over every task of the plans in force.
    public var countsInForce: StatusCounts {
        var counts = StatusCounts()
        for plan in plans where plan.status == .inForce {
            counts.add(self.counts(plan))
        }
        return counts
    }

    /// True when any plan has a progress report dated on or before the build date.
    public var hasProgressData: Bool { plans.contains { $0.reports.contains { $0.asOf <= buildDate } } }

    public func plan(_ id: PlanID) -> Plan? {
        if let index = planIndex[id], index < plans.count, plans[index].id == id { return plans[index] }
        return plans.first { $0.id == id }
    }

    /// A task of a plan, through the indexes (a stale index falls back to a search).
    public func task(_ plan: PlanID, _ number: TaskNumber) -> PlanTask? {
        guard let p = planIndex[plan], p < plans.count, plans[p].id == plan else { return self.plan(plan)?.task(number) }
        if let t = taskIndex[plan]?[number], t < plans[p].tasks.count, plans[p].tasks[t].number == number { return plans[p].tasks[t] }
        return plans[p].task(number)
    }

    /// A unit's assignments grouped by plan, in plan order: the plan and its assignments (task order).
    public func assignmentsByPlan(of unit: UnitID) -> [(plan: Plan, assignments: [Assignment])] {
        guard let groups = assignmentsByPlan[unit] else {
            let list = assignments(of: unit)
            return plans.compactMap { plan in
                let mine = list.filter { $0.plan == plan.id }
                return mine.isEmpty ? nil : (plan, mine)
            }
        }
        return groups.compactMap { group in
            group.plan < plans.count && group.assignments.first?.plan == plans[group.plan].id ? (plans[group.plan], group.assignments) : nil
        }
    }

    public func unit(_ id: UnitID) -> Unit? { directory[id] }

    public func assignments(of unit: UnitID) -> [Assignment] { assignments[unit] ?? [] }
}

/// A unit's part in one task.
public struct Assignment: Sendable, Hashable {
    public var plan: PlanID
    public var task: TaskNumber
    public var role: UnitRole
}
