import SiteModel

/// How the lists write units: the short Chinese name a plan uses when it names
/// that one unit, else the full name, else the id, so that the reader finds each
/// unit again by the name it wrote.
struct UnitNames {
    let directory: UnitDirectory

    func written(_ reference: UnitReference) -> String {
        guard let id = reference.id, let unit = directory[id] else { return reference.written }
        for name in [unit.short?.zh, unit.name.zh].compactMap({ $0 }) + unit.aliases {
            if directory.lookup(name) == .found(id), !name.contains(where: { Self.separators.contains($0) }) { return name }
        }
        return id.rawValue
    }

    /// What separates names in a cell.
    static let separators: Set<Character> = ["、", "，", ",", "；", ";", "\n", "/", "／"]
}
