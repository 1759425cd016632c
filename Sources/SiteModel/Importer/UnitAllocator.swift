import Foundation

/// Gives every unit name an id: an existing unit's (by name, short name or
/// alias), else a new one, `<plan-id>-unit-N` in order of first appearance,
/// kept with its name as written so the publisher can rename and translate it.
struct UnitAllocator {
    let planID: String
    /// The plan's area (普陀区): a known unit of another area is not this plan's 派出所.
    let area: String?
    let directory: UnitDirectory
    private(set) var new: [(id: String, name: String)] = []
    private var byName: [String: String] = [:]
    /// The ids of the units the plan names (issuer and tasks), each once, in order.
    private(set) var used: [String] = []
    /// The names written in the plan that are known units' names, short names or aliases.
    private(set) var knownNames: [String] = []

    init(planID: String, area: String?, known: [Unit]) {
        self.planID = planID
        self.area = area
        self.directory = UnitDirectory(known)
    }

    mutating func id(for name: String, line: Int, report: inout ImportReport) -> String {
        let id = allocate(name, line: line, report: &report)
        if !used.contains(id) { used.append(id) }
        return id
    }

    private mutating func allocate(_ name: String, line: Int, report: inout ImportReport) -> String {
        if let id = byName[name] { return id }
        if case .found(let id) = directory.lookup(name) {
            let unitArea = directory[id]?.area?.zh
            if unitArea == nil || area == nil || unitArea == area {
                byName[name] = id.rawValue
                knownNames.append(name)
                return id.rawValue
            }
            report.guess(line: line, "\(name) is also \(id) in \(unitArea ?? "another area"); a new unit is made for \(area ?? "this plan")")
        }
        // An id units.yaml already has (the plan imported before, with --force) is not given again.
        var number = new.count + 1
        while directory[UnitID("\(planID)-unit-\(number)")] != nil || new.contains(where: { $0.id == "\(planID)-unit-\(number)" }) { number += 1 }
        let id = "\(planID)-unit-\(number)"
        new.append((id, name))
        byName[name] = id
        report.note(line: line, "new unit \(id): \(name)")
        return id
    }

    static func kind(_ name: String) -> Unit.Kind {
        if name.hasPrefix("各") || name.hasSuffix("成员单位") || name.hasSuffix("有关部门") { return .collective }
        if name.contains("派出所") || name.contains("公安") || name.contains("交警") { return .police }
        if name.contains("消防") { return .fire }
        if name.hasSuffix("街道") || name.hasSuffix("街道办事处") { return .subdistrict }
        if ["村", "居委", "居委会", "村委会", "居民区"].contains(where: name.hasSuffix) || name.contains("村民委员会") || name.contains("居民委员会") {
            return .village
        }
        if name.contains("委员会") || name.hasSuffix("安委会") { return .committee }
        if name.hasPrefix("党") || name.contains("区委") || name.contains("镇委") { return .party }
        if name.hasSuffix("公司") || name.hasSuffix("国企") { return .enterprise }
        // A level's own government, by the word before 人民政府 / 政府: 上海市, 普陀区, 吕巷镇.
        for suffix in ["人民政府", "政府"] where name.hasSuffix(suffix) {
            switch name.dropLast(suffix.count).last {
            case "市": return .city
            case "区", "县": return .district
            case "镇", "乡": return .town
            default: break
            }
        }
        if name.hasSuffix("所") || name.hasSuffix("站") { return .branch }
        if name.hasSuffix("中心") || name.hasSuffix("学校") || name.hasSuffix("医院") { return .institution }
        return .government
    }

    func newUnitsYAML(area: String?) -> String {
        new.map { unit in
            var lines = ["- id: \(unit.id)", "  name: \(PlanWriter.quote(unit.name))", "  kind: \(Self.kind(unit.name).rawValue)"]
            if let area { lines.append("  area: \(PlanWriter.quote(area))") }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n") + (new.isEmpty ? "" : "\n")
    }
}
