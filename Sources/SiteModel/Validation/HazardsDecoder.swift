import Yams

/// Decodes hazards.yaml: major hazards under listed supervision (挂牌督办).
enum HazardsDecoder {
    static let keys = ["id", "name", "location", "lead", "cooperating", "listed", "due", "status", "closed", "description"]

    static func decode(_ file: SourceFile, into diagnostics: inout Diagnostics) -> [Hazard] {
        guard let root = YAMLDocument.compose(file.text, file: file.path, into: &diagnostics) else { return [] }
        var reader = YAMLReader(file: file.path)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard case .sequence = root else {
            reader.error(.wrongType, root, "hazards.yaml 应为隐患列表 (hazards.yaml must be a list of hazards)",
                         hint: "each entry starts with `- id: …`")
            return []
        }
        var hazards: [Hazard] = []
        var seen: [String: SourceLocation] = [:]
        for item in reader.list(root, "hazards") {
            guard let map = reader.mapping(item, "hazard") else { continue }
            reader.checkKeys(map, known: keys)
            guard let id = reader.required(map, "id", "hazard").flatMap({ reader.identifier($0, "hazard id") }) else { continue }
            if let first = seen[id] {
                reader.error(.duplicateId, map["id"], "隐患编号重复 (duplicate hazard id): \(id)", hint: "first defined at \(first)")
                continue
            }
            seen[id] = reader.location(map["id"])
            let name = reader.required(map, "name", "hazard").flatMap { reader.text($0, "name") }
            let listed = reader.required(map, "listed", "hazard").flatMap { reader.day($0, "listed") }
            let status = reader.required(map, "status", "hazard").flatMap {
                reader.choice($0, "status", Hazard.Status.self, aliases: ["整改中": .rectifying, "已销号": .closed, "未整改": .open])
            }
            guard let name, let listed, let status else { continue }
            var hazard = Hazard(id: id, name: name, listed: listed, status: status, sourceLocation: reader.location(item))
            hazard.location = map["location"].flatMap { reader.text($0, "location") }
            hazard.description = map["description"].flatMap { reader.text($0, "description") }
            if let node = map["lead"], let written = reader.string(node, "lead") {
                hazard.lead = UnitReference(written: written, location: reader.location(node))
            }
            hazard.cooperating = reader.unitReferences(map["cooperating"], "cooperating")
            if let node = map["due"], let due = reader.day(node, "due") {
                if due < listed {
                    reader.error(.invalidPeriod, node, "整改期限早于挂牌日期 (due \(due) is before listed \(listed))")
                } else {
                    hazard.due = due
                }
            }
            if let node = map["closed"], let closed = reader.day(node, "closed") {
                if closed < listed {
                    reader.error(.invalidPeriod, node, "销号日期早于挂牌日期 (closed \(closed) is before listed \(listed))")
                } else if status != .closed {
                    reader.error(.invalidValue, node, "未销号的隐患不应有销号日期 (a hazard that is \(status.rawValue) has no closed date)",
                                 hint: "set status: closed, or remove closed:")
                } else {
                    hazard.closed = closed
                }
            } else if status == .closed {
                reader.error(.missingKey, map["status"], "已销号的隐患需要销号日期 (a closed hazard needs `closed:` with its date)")
            }
            hazards.append(hazard)
        }
        return hazards
    }
}
