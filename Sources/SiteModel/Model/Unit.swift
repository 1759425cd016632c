/// An organisation that appears in a plan (units.yaml).
public struct Unit: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case party, government, committee, police, fire, enterprise, village, collective, other
    }

    public var id: UnitID
    /// The full, unambiguous name.
    public var name: BilingualText
    /// The form plans use, shown in their tables.
    public var short: BilingualText?
    /// Other spellings found in documents; each resolves to this unit.
    public var aliases: [String]
    public var kind: Kind
    /// The district or town it belongs to.
    public var area: BilingualText?
    public var location: SourceLocation

    public init(id: UnitID, name: BilingualText, short: BilingualText? = nil, aliases: [String] = [],
                kind: Kind = .other, area: BilingualText? = nil, location: SourceLocation) {
        self.id = id
        self.name = name
        self.short = short
        self.aliases = aliases
        self.kind = kind
        self.area = area
        self.location = location
    }

    /// The short form when there is one, else the name.
    public var displayName: BilingualText { short ?? name }
}
