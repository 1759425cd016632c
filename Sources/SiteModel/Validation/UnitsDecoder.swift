import Yams

/// Decodes units.yaml: a list of units.
enum UnitsDecoder {
    static let keys = ["id", "name", "short", "aliases", "kind", "area"]

    static func decode(_ file: SourceFile, into diagnostics: inout Diagnostics) -> [Unit] {
        guard let root = YAMLDocument.compose(file.text, file: file.path, into: &diagnostics) else { return [] }
        var reader = YAMLReader(file: file.path)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard case .sequence = root else {
            reader.error(.wrongType, root, "units.yaml 应为单位列表 (units.yaml must be a list of units)",
                         hint: "each entry starts with `- id: …`")
            return []
        }
        var units: [Unit] = []
        var seen: [String: SourceLocation] = [:]
        for item in reader.list(root, "units") {
            guard let map = reader.mapping(item, "unit") else { continue }
            reader.checkKeys(map, known: keys)
            guard let id = reader.required(map, "id", "unit").flatMap({ reader.identifier($0, "unit id") }) else { continue }
            if let first = seen[id] {
                reader.error(.duplicateId, map["id"], "单位编号重复 (duplicate unit id): \(id)",
                             hint: "first defined at \(first)")
                continue
            }
            seen[id] = reader.location(map["id"])
            guard let name = reader.required(map, "name", "unit").flatMap({ reader.text($0, "name") }) else { continue }
            var unit = Unit(id: UnitID(id), name: name, location: reader.location(item))
            unit.short = map["short"].flatMap { reader.text($0, "short") }
            if let node = map["aliases"] {
                unit.aliases = reader.list(node, "aliases").compactMap { reader.string($0, "alias") }
            }
            if let node = map["kind"] {
                unit.kind = reader.choice(node, "kind", Unit.Kind.self, aliases: Unit.Kind.aliases) ?? .other
            }
            unit.area = map["area"].flatMap { reader.text($0, "area") }
            units.append(unit)
        }
        return units
    }
}
