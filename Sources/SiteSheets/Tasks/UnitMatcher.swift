import SiteModel

/// Gives each unit name of a list an id: a unit of units.yaml by its id, name,
/// short name or alias (of the plan's area when the name is another area's too),
/// else a new unit `<plan-id>-unit-N` with the name as written, for the office to
/// complete (kind, English, aliases). Never a guess between two known units.
struct UnitMatcher {
    let directory: UnitDirectory
    let planID: String
    /// The plan's area (its issuer's), to tell this town's 派出所 from another's.
    let area: String?
    private(set) var new: [(id: UnitID, name: String, location: SourceLocation)] = []
    private var byName: [String: UnitID] = [:]
    private var nextNumber: Int

    init(directory: UnitDirectory, planID: String, area: String?) {
        self.directory = directory
        self.planID = planID
        self.area = area
        let prefix = "\(planID)-unit-"
        let used = directory.units.keys.compactMap { id in id.rawValue.hasPrefix(prefix) ? Int(id.rawValue.dropFirst(prefix.count)) : nil }
        nextNumber = (used.max() ?? 0) + 1
    }

    /// Whether `name` is a known unit's name as it stands (for names written with spaces in them).
    func knows(_ name: String) -> Bool {
        directory.lookup(name) != .unknown
    }

    mutating func id(for name: String, at location: SourceLocation, notes: inout [String], diagnostics: inout Diagnostics) -> UnitID? {
        if let id = byName[name] { return id }
        switch directory.lookup(name) {
        case .found(let id):
            let unitArea = directory[id]?.area?.zh
            if unitArea == nil || area == nil || unitArea == area {
                byName[name] = id
                return id
            }
            notes.append("\(location): \(name) is \(id) of \(unitArea ?? "another area"); a new unit is made for \(area ?? "this plan")")
        case .ambiguous(let ids):
            let local = ids.filter { directory[$0]?.area?.zh == area }
            if area != nil, local.count == 1, let only = local.first {
                byName[name] = only
                return only
            }
            diagnostics.append(.error(.ambiguousUnit, at: location, "单位不明确 (ambiguous unit) \"\(name)\": \(ids.map(\.rawValue).joined(separator: ", "))",
                                      hint: "write the unit's full name or its id"))
            return nil
        case .unknown:
            break
        }
        let id = UnitID("\(planID)-unit-\(nextNumber)")
        nextNumber += 1
        new.append((id, name, location))
        byName[name] = id
        notes.append("\(location): new unit \(id): \(name)")
        return id
    }

    /// The new units, to append to units.yaml.
    func newUnitsYAML(from file: String) -> String {
        guard !new.isEmpty else { return "" }
        var lines = ["# Added by gen-site import tasks from \(file): check each name, add its kind, short name, English and aliases."]
        for unit in new {
            lines.append("- id: \(unit.id)")
            lines.append("  name: \(YAMLText.quote(unit.name))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
