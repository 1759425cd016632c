import SiteModel

/// The pages' diagnostics in page order, each once: a text shown on several
/// pages (a task's requirements on its own page and in its plan's table, a
/// Chinese text on the English page) is rendered, and its problems found, on each.
struct PageDiagnostics {
    private var seen = Set<Diagnostic>()
    private(set) var collected = Diagnostics()

    mutating func append(_ items: [Diagnostic]) {
        for item in items where seen.insert(item).inserted { collected.append(item) }
    }
}
