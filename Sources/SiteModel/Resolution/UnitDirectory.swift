/// Finds units by id, name, short form or alias. A written name shared by two
/// units is ambiguous and resolves to neither.
public struct UnitDirectory: Sendable {
    public enum Lookup: Sendable, Equatable {
        case found(UnitID)
        case ambiguous([UnitID])
        case unknown
    }

    public private(set) var units: [UnitID: Unit] = [:]
    private var byName: [String: Set<UnitID>] = [:]

    public init(_ units: [Unit]) {
        for unit in units {
            self.units[unit.id] = unit
            var names = Set(unit.aliases)
            for text in [unit.name, unit.short].compactMap({ $0 }) {
                if let zh = text.zh { names.insert(zh) }
                if let en = text.en { names.insert(en) }
            }
            for name in names {
                byName[Self.normalise(name), default: []].insert(unit.id)
            }
        }
    }

    public func lookup(_ written: String) -> Lookup {
        let id = UnitID(written)
        if units[id] != nil { return .found(id) }
        guard let ids = byName[Self.normalise(written)] else { return .unknown }
        if ids.count == 1, let only = ids.first { return .found(only) }
        return .ambiguous(ids.sorted())
    }

    public subscript(id: UnitID) -> Unit? { units[id] }

    /// Names compare without spaces (PDF debris such as 区人力资源 保障局) and
    /// with full-width brackets made half-width.
    static func normalise(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars where !scalar.properties.isWhitespace {
            switch scalar {
            case "（": out.append("(")
            case "）": out.append(")")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Close ids and names, for hints.
    func suggestions(for written: String) -> [String] {
        Suggestions.nearest(written, in: units.keys.map(\.rawValue) + byName.keys,
                            maximum: Suggestions.reach(written, minimum: 1), count: 3)
    }
}
