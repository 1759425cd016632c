import Dispatch

/// The resolve stage: maps every unit reference (id or alias) to a unit id,
/// reports unknown and ambiguous ones, checks that units are not defined twice
/// under one name, and builds the indexes pages read.
public enum Resolver {
    public static func resolve(_ content: SiteContent, buildDate: Day) -> (ResolvedSite, Diagnostics) {
        let (site, diagnostics, _) = resolve(content, buildDate: buildDate, reusing: ResolveCache())
        return (site, diagnostics)
    }

    /// One plan's resolution: the plan as decoded, and what resolving it gave. A class: a rebuild
    /// hands the unchanged ones on, and a reference is one retain where the values are hundreds.
    final class ResolvedPlan: Sendable {
        let input: Plan
        let plan: Plan
        let diagnostics: Diagnostics
        let progress: [TaskNumber: TaskProgress]
        let indicators: [IndicatorProgress]
        /// The plan's part of the site's indexes: where each task is in its sorted tasks, and each
        /// unit's assignments in it (task order, then role), the site's being these in plan order.
        let taskIndex: [TaskNumber: Int]
        let assignments: [UnitID: [Assignment]]

        init(input: Plan, plan: Plan, diagnostics: Diagnostics, progress: [TaskNumber: TaskProgress],
             indicators: [IndicatorProgress], taskIndex: [TaskNumber: Int], assignments: [UnitID: [Assignment]]) {
            self.input = input
            self.plan = plan
            self.diagnostics = diagnostics
            self.progress = progress
            self.indicators = indicators
            self.taskIndex = taskIndex
            self.assignments = assignments
        }
    }

    /// What the last resolve made of each plan, for the preview: a plan decoded to the same
    /// value as before, with the same units and build date, resolves to the same result.
    public struct ResolveCache: Sendable {
        var units: [Unit] = []
        var buildDate: Day?
        var plans: [PlanID: ResolvedPlan] = [:]
        /// The directory of `units`.
        var directory: UnitDirectory?
        /// The last resolved site, its plans in display order before PlanLinks, and the ids of the
        /// plans as the content listed them: a rebuild that changes some plans without moving
        /// any patches its indexes.
        var site: ResolvedSite?
        var unlinked: [Plan] = []
        var listed: [PlanID] = []
        /// True when the last resolve patched the site before it (`patched`), false when it merged every plan's part.
        var patched = false
        public init() {}
        init(units: [Unit], buildDate: Day) {
            self.units = units
            self.buildDate = buildDate
        }
    }

    /// As above, reusing what `cache` holds; returns the cache for the next run.
    public static func resolve(_ content: SiteContent, buildDate: Day, reusing cache: ResolveCache)
        -> (ResolvedSite, Diagnostics, ResolveCache) {
        var diagnostics = Diagnostics()
        let directory = (cache.units == content.units ? cache.directory : nil) ?? UnitDirectory(content.units)
        checkAliases(content.units, into: &diagnostics)

        var kept: [Plan] = []
        var seenPlans: [PlanID: SourceLocation] = [:]
        for plan in content.plans {
            if let first = seenPlans[plan.id] {
                diagnostics.append(.error(.duplicateId, at: plan.location, "方案编号重复 (duplicate plan id): \(plan.id)",
                                          hint: "first defined at \(first)"))
                continue
            }
            seenPlans[plan.id] = plan.location
            kept.append(plan)
        }
        // Each plan's references and its progress at the build date are its own: resolved in
        // parallel, the diagnostics kept in plan order.
        let toResolve = kept
        let reusable = cache.buildDate == buildDate && cache.units == content.units ? cache.plans : [:]
        let toDo = toResolve.count { reusable[$0.id]?.input != $0 }
        let slots = toResolve.concurrentMap(parallel: toDo > 1) { input -> ResolvedPlan in
            if let previous = reusable[input.id], previous.input == input { return previous }
            var plan = input
            plan.computeStatus(at: buildDate)
            var found = Diagnostics()
            var hints = Self.hintedReferences
            if var issuer = plan.issuer {
                resolve(&issuer, directory: directory, into: &found, hints: &hints)
                plan.issuer = issuer
            }
            for index in plan.tasks.indices {
                for role in UnitRole.allCases {
                    var refs = plan.tasks[index].units(role)
                    for i in refs.indices { resolve(&refs[i], directory: directory, into: &found, hints: &hints) }
                    switch role {
                    case .lead: plan.tasks[index].lead = refs
                    case .responsible: plan.tasks[index].responsible = refs
                    case .cooperating: plan.tasks[index].cooperating = refs
                    }
                }
            }
            plan.tasks.sort { $0.number < $1.number }
            return ResolvedPlan(input: input, plan: plan, diagnostics: found,
                                progress: ProgressTracker.progress(of: plan, at: buildDate),
                                indicators: ProgressTracker.indicators(of: plan, at: buildDate),
                                taskIndex: Dictionary(plan.tasks.enumerated().map { ($0.element.number, $0.offset) },
                                                      uniquingKeysWith: { first, _ in first }),
                                assignments: Self.assignments(of: plan))
        }
        var next = ResolveCache(units: content.units, buildDate: buildDate)
        next.directory = directory
        next.listed = toResolve.map(\.id)
        for slot in slots {
            diagnostics.append(contentsOf: slot.diagnostics)
            next.plans[slot.input.id] = slot
        }
        let patch = patched(cache, slots: slots, reusable: reusable, listed: next.listed)
        next.patched = patch != nil
        var parts = patch ?? merged(slots)
        next.unlinked = parts.plans
        let pageSlugs = Set(content.articles.filter { $0.kind == .page }.map(\.slug))
        PlanLinks.resolve(&parts.plans, pageSlugs: pageSlugs, buildDate: buildDate, into: &diagnostics)
        let (plans, assignments, assignmentsByPlan) = (parts.plans, parts.assignments, parts.assignmentsByPlan)
        let (progress, indicators, taskIndex) = (parts.progress, parts.indicators, parts.taskIndex)
        var hazards = content.hazards
        var hints = Self.hintedReferences
        for index in hazards.indices {
            if var lead = hazards[index].lead {
                resolve(&lead, directory: directory, into: &diagnostics, hints: &hints)
                hazards[index].lead = lead
            }
            for i in hazards[index].cooperating.indices {
                resolve(&hazards[index].cooperating[i], directory: directory, into: &diagnostics, hints: &hints)
            }
        }
        hazards.sort { a, b in
            if a.isOpen != b.isOpen { return a.isOpen }
            if a.isOpen { return a.listed != b.listed ? a.listed < b.listed : a.id < b.id }
            let ac = a.closed ?? a.listed, bc = b.closed ?? b.listed
            return ac != bc ? ac > bc : a.id < b.id
        }
        let units = cache.units == content.units ? cache.site?.units ?? content.units.sorted { $0.id < $1.id }
            : content.units.sorted { $0.id < $1.id }
        var resolved = ResolvedSite(site: content.site, plans: plans, units: units, directory: directory, assignments: assignments,
                                    buildDate: buildDate, progress: progress, indicatorProgress: indicators, hazards: hazards)
        resolved.notices = content.articles.filter { $0.kind == .notice }.sorted { a, b in
            let da = a.date?.ordinal ?? 0, db = b.date?.ordinal ?? 0
            return da != db ? da > db : a.slug > b.slug
        }
        resolved.pages = content.articles.filter { $0.kind == .page }.sorted { $0.slug < $1.slug }
        resolved.leftOut = content.leftOut
        if let statistics = content.statistics {
            resolved.statistics = statistics
            resolved.statisticsSummary = cache.site.flatMap { $0.statistics == statistics ? $0.statisticsSummary : nil }
                ?? StatisticsSummary(statistics.records)
        }
        resolved.index(tasks: taskIndex, assignmentsByPlan: assignmentsByPlan)
        next.site = resolved
        return (resolved, diagnostics, next)
    }

    /// The plans in display order (before PlanLinks) with the indexes made from their parts.
    struct Parts {
        var plans: [Plan] = []
        var progress: [PlanID: [TaskNumber: TaskProgress]] = [:]
        var indicators: [PlanID: [IndicatorProgress]] = [:]
        var taskIndex: [PlanID: [TaskNumber: Int]] = [:]
        var assignments: [UnitID: [Assignment]] = [:]
        var assignmentsByPlan: [UnitID: [(plan: Int, assignments: [Assignment])]] = [:]
    }

    /// The parts from every plan's (PlanLinks changes no task).
    static func merged(_ slots: [ResolvedPlan]) -> Parts {
        var parts = Parts()
        for slot in slots {
            parts.plans.append(slot.plan)
            parts.progress[slot.plan.id] = slot.progress
            parts.indicators[slot.plan.id] = slot.indicators
            parts.taskIndex[slot.plan.id] = slot.taskIndex
        }
        parts.plans.sort { a, b in a.issued != b.issued ? a.issued > b.issued : a.id < b.id }
        let byID = Dictionary(slots.map { ($0.plan.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (position, plan) in parts.plans.enumerated() {
            for (unit, list) in byID[plan.id]?.assignments ?? [:] {
                parts.assignments[unit, default: []].append(contentsOf: list)
                parts.assignmentsByPlan[unit, default: []].append((position, list))
            }
        }
        return parts
    }

    /// The last site's parts with the plans that changed put in: when the same plans are listed
    /// as before and none that changed moves in the display order (its date and id are the
    /// same), only the changed plans' entries in the indexes are replaced. Nil otherwise.
    static func patched(_ cache: ResolveCache, slots: [ResolvedPlan], reusable: [PlanID: ResolvedPlan], listed: [PlanID]) -> Parts? {
        guard let last = cache.site, !reusable.isEmpty, cache.listed == listed, cache.unlinked.count == slots.count else { return nil }
        let changed = slots.filter { reusable[$0.input.id] !== $0 }
        var parts = Parts(plans: cache.unlinked, progress: last.progress, indicators: last.indicatorProgress, taskIndex: last.taskIndex,
                          assignments: last.assignments, assignmentsByPlan: last.assignmentsByPlan)
        for slot in changed {
            let id = slot.plan.id
            guard let position = last.planIndex[id], position < parts.plans.count, parts.plans[position].id == id,
                  parts.plans[position].issued == slot.plan.issued, let before = reusable[id] else { return nil }
            parts.plans[position] = slot.plan
            parts.progress[id] = slot.progress
            parts.indicators[id] = slot.indicators
            parts.taskIndex[id] = slot.taskIndex
            for unit in Set(before.assignments.keys).union(slot.assignments.keys) {
                var groups = parts.assignmentsByPlan[unit] ?? []
                groups.removeAll { $0.plan == position }
                if let list = slot.assignments[unit] {
                    groups.insert((position, list), at: groups.firstIndex { $0.plan > position } ?? groups.count)
                }
                parts.assignmentsByPlan[unit] = groups.isEmpty ? nil : groups
                parts.assignments[unit] = groups.isEmpty ? nil : groups.flatMap(\.assignments)
            }
        }
        return parts
    }

    /// Every task a unit of `plan` takes part in, by unit: task order, then role (a unit named twice
    /// in one role of a task counts once).
    static func assignments(of plan: Plan) -> [UnitID: [Assignment]] {
        var assignments: [UnitID: [Assignment]] = [:]
        for index in plan.tasks.indices {
            let number = plan.tasks[index].number
            for role in UnitRole.allCases {
                var seen = Set<UnitID>()
                for ref in plan.tasks[index].units(role) {
                    guard let id = ref.id, seen.insert(id).inserted else { continue }
                    assignments[id, default: []].append(Assignment(plan: plan.id, task: number, role: role))
                }
            }
        }
        return assignments
    }

    /// The unknown unit names of one plan (or of the hazards) searched for a "did you mean": a
    /// search looks at every unit's id, name and aliases, and a plan of 2,000 unknown names among
    /// 100,000 took half a minute. The rest are reported with how to add them.
    static let hintedReferences = 100

    static func resolve(_ ref: inout UnitReference, directory: UnitDirectory, into diagnostics: inout Diagnostics, hints: inout Int) {
        switch directory.lookup(ref.written) {
        case .found(let id):
            ref.id = id
        case .ambiguous(let ids):
            diagnostics.append(.error(.ambiguousUnit, at: ref.location, "单位名称不唯一 (ambiguous unit) \"\(ref.written)\"",
                                      hint: "write one of the ids: \(ids.map(\.rawValue).joined(separator: ", "))"))
        case .unknown:
            hints -= 1
            let near = hints >= 0 ? directory.suggestions(for: ref.written) : []
            diagnostics.append(.error(.unknownUnit, at: ref.location, "未知单位 (unknown unit) \"\(ref.written)\"",
                                      hint: near.isEmpty ? "add it to units.yaml" : "did you mean \(near.joined(separator: ", "))?"))
        }
    }

    /// An alias that is another unit's id is an error: references to it would be silently taken by the id.
    static func checkAliases(_ units: [Unit], into diagnostics: inout Diagnostics) {
        let ids = Set(units.map(\.id.rawValue))
        for unit in units {
            for alias in unit.aliases where ids.contains(alias) && alias != unit.id.rawValue {
                diagnostics.append(.error(.aliasConflict, at: unit.location,
                                          "别名与其他单位编号相同 (alias \"\(alias)\" is another unit's id)"))
            }
        }
    }
}
