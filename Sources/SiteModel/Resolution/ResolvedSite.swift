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
