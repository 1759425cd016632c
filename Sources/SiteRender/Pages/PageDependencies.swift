import SiteModel

/// Which pages depend on a change between two builds of a site: the
/// dependency graph between pages and the model, drawn coarsely where a finer
/// line would risk a stale page.
///
/// - A plan's pages (the plan, its progress dashboard, its tasks) depend on
///   the plan, on the units it names (their names and short forms appear
///   in its tables) and on the plans it is linked to (supersedes, amends).
/// - A unit's page depends on the unit, on every unit (units link to one
///   another), and on every plan that names it (its task lists and scorecard).
/// - Notices, free pages and statistics depend on neither plans nor units;
///   they are re-rendered only when a unit changed, to stay on the safe side.
/// - Every other page (home, lists, hazards, data, report, search, translation
///   status) sums up the whole site and is always re-rendered.
///
/// Anything else that changed (the site's settings, the build date, which
/// plans or units there are, hazards, statistics, notices, pages, the theme)
/// touches every page.
public struct PageDependencies: Sendable {
    public let changes: SiteChanges
    /// Plans whose pages are re-rendered.
    public private(set) var plans: Set<PlanID> = []
    /// Units whose pages are re-rendered (every unit when a unit changed).
    public private(set) var units: Set<UnitID> = []
    private var allUnits = false

    /// The pages that depend on what differs between `old` and `new`.
    public init(from old: ResolvedSite, to new: ResolvedSite) {
        self.init(changes: SiteChanges.between(old, new), old: old, new: new)
    }

    public init(changes: SiteChanges, old: ResolvedSite, new: ResolvedSite) {
        self.changes = changes
        guard !changes.everything else { return }
        plans = changes.plans
        // The units of the changed plans; when a unit changed, the plans that name it.
        for site in [old, new] {
            for plan in site.plans where !changes.units.isEmpty || changes.plans.contains(plan.id) {
                let named = plan.namedUnits
                if changes.plans.contains(plan.id) {
                    units.formUnion(named)
                    // Plans linked to it (supersedes, amends…) show its title and 文号 in their box or banner.
                    let links = plan.relations
                    for reference in links.supersedes + links.supersededBy + links.amends + links.amendedBy { plans.insert(reference.id) }
                }
                if !changes.units.isDisjoint(with: named) { plans.insert(plan.id) }
            }
        }
        units.formUnion(changes.units)
        allUnits = !changes.units.isEmpty
    }

    /// Everything is re-rendered.
    public static let everything = PageDependencies(everything: ())
    private init(everything: Void) { changes = SiteChanges(everything: true) }

    /// True when the page at `route` may differ after the change.
    public func isAffected(_ route: PageRoute) -> Bool {
        guard !changes.everything else { return true }
        // Pages are made from the model and the theme alone: the same model, the same pages.
        guard !changes.isEmpty else { return false }
        switch route {
        case .plan(let id), .progress(let id), .task(let id, _): return plans.contains(id)
        case .unit(let id): return allUnits || units.contains(id)
        case .notices, .notice, .page, .statistics: return allUnits
        case .home, .plans, .units, .hazards, .data, .report, .search, .translationStatus: return true
        }
    }
}
