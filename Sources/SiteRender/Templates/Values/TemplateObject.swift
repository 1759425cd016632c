/// The values of one context of a template (a page, a table row, a badge) by
/// slot: `TemplateKey`s and the theme's other names are numbered once, when the
/// templates are parsed, so a lookup while rendering compares integers and
/// never hashes a string.
///
/// A key set to nil is a field that is present and empty: it renders nothing
/// and, unlike a key that is not set at all, hides the same key in the
/// enclosing contexts (Mustache looks a name up from the innermost context
/// outwards, so a row's missing note must not show the page's).
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    struct Field: Sendable {
        let slot: Int
        var value: TemplateValue?
    }

    /// In ascending slot order, each slot once.
    private(set) var fields: [Field] = []

    public init() {}

    public init(dictionaryLiteral elements: (TemplateKey, TemplateValue?)...) {
        fields.reserveCapacity(elements.count)
        for (key, value) in elements { set(key.rawValue, value) }
    }

    /// Fields by slot (names interned in a `TemplateKeyTable`).
    init(slots: [(Int, TemplateValue?)]) {
        fields.reserveCapacity(slots.count)
        for (slot, value) in slots { set(slot, value) }
    }

    public subscript(key: TemplateKey) -> TemplateValue? {
        get { field(key.rawValue)?.value ?? nil }
        set { set(key.rawValue, newValue) }
    }

    public var isEmpty: Bool { fields.isEmpty }

    /// The field at `slot`, present (its value possibly nil) or not.
    func field(_ slot: Int) -> Field? {
        var low = 0, high = fields.count
        while low < high {
            let middle = (low + high) / 2
            let found = fields[middle].slot
            if found == slot { return fields[middle] }
            if found < slot { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    mutating func set(_ slot: Int, _ value: TemplateValue?) {
        if fields.isEmpty || fields[fields.count - 1].slot < slot {
            fields.append(Field(slot: slot, value: value))
            return
        }
        var low = 0, high = fields.count
        while low < high {
            let middle = (low + high) / 2
            if fields[middle].slot < slot { low = middle + 1 } else { high = middle }
        }
        if low < fields.count && fields[low].slot == slot {
            fields[low].value = value
        } else {
            fields.insert(Field(slot: slot, value: value), at: low)
        }
    }

    /// These fields with `other`'s over them.
    func merging(_ other: TemplateObject) -> TemplateObject {
        var merged = TemplateObject()
        merged.fields.reserveCapacity(fields.count + other.fields.count)
        var i = 0, j = 0
        while i < fields.count || j < other.fields.count {
            if j == other.fields.count || (i < fields.count && fields[i].slot < other.fields[j].slot) {
                merged.fields.append(fields[i]); i += 1
            } else {
                if i < fields.count && fields[i].slot == other.fields[j].slot { i += 1 }
                merged.fields.append(other.fields[j]); j += 1
            }
        }
        return merged
    }
}
