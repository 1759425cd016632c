/// Names numbered as slots, for one theme: every `TemplateKey` at its raw value,
/// then the other names its templates use (interface strings under `t.`, block
/// names, names a site's own template asks for that no view fills), numbered
/// as the templates are parsed. Page views are built with `TemplateKey`s, so
/// neither building nor rendering them hashes a name.
struct TemplateKeyTable: Sendable {
    /// Slot → name.
    private(set) var names: [String]
    private var slots: [String: Int]

    init() {
        names = TemplateKey.allCases.map(\.name)
        slots = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
    }

    /// The slot of `name`, numbering it when it is new.
    mutating func intern(_ name: String) -> Int {
        if let slot = slots[name] { return slot }
        names.append(name)
        slots[name] = names.count - 1
        return names.count - 1
    }

    func slot(_ name: String) -> Int? { slots[name] }

    /// The key a slot stands for, when it is one of the views' keys.
    func key(_ slot: Int) -> TemplateKey? { TemplateKey(rawValue: slot) }
}
