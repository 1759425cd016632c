/// What differs between two resolved sites: the plans and the units whose
/// values changed, or `everything` when anything else did (the site's
/// settings, the build date, which plans or units there are or their order,
/// hazards, statistics, notices, pages). The preview re-renders only the pages
/// that depend on what changed.
public struct SiteChanges: Sendable, Equatable {
    public var everything: Bool
    /// Plans present in both sites whose resolved values differ.
    public var plans: Set<PlanID>
    /// Units present in both sites whose values differ.
    public var units: Set<UnitID>

    public init(everything: Bool, plans: Set<PlanID> = [], units: Set<UnitID> = []) {
        self.everything = everything
        self.plans = plans
        self.units = units
    }

    public var isEmpty: Bool { !everything && plans.isEmpty && units.isEmpty }

    public static func between(_ old: ResolvedSite, _ new: ResolvedSite) -> SiteChanges {
        guard old.site == new.site, old.buildDate == new.buildDate,
              old.plans.map(\.id) == new.plans.map(\.id), old.units.map(\.id) == new.units.map(\.id),
              old.hazards == new.hazards, old.statistics == new.statistics,
              old.notices == new.notices, old.pages == new.pages
        else { return SiteChanges(everything: true) }
        var changes = SiteChanges(everything: false)
        for (before, after) in zip(old.plans, new.plans) where before != after { changes.plans.insert(after.id) }
        for (before, after) in zip(old.units, new.units) where before != after { changes.units.insert(after.id) }
        return changes
    }
}

extension Plan {
    /// Every unit the plan names: its issuer and the units of its tasks, in any role.
    public var namedUnits: Set<UnitID> {
        var units = Set<UnitID>()
        if let issuer = issuer?.id { units.insert(issuer) }
        for task in tasks {
            for reference in task.lead { if let id = reference.id { units.insert(id) } }
            for reference in task.responsible { if let id = reference.id { units.insert(id) } }
            for reference in task.cooperating { if let id = reference.id { units.insert(id) } }
        }
        return units
    }
}
