/// What a template shows: the values page views are made of. Escaping follows
/// the type, not the name or the tag: `.text` is escaped wherever it is
/// written, `{{{…}}}` included; only `.html` — made by our Markdown renderer
/// or our HTML builders, as `TrustedHTML` — is written as it is by `{{{…}}}`
/// (and escaped by `{{…}}`).
public enum TemplateValue: Sendable {
    /// Text from content or the interface strings.
    case text(String)
    /// HTML the generator made.
    case html(TrustedHTML)
    /// A count, written in ASCII digits.
    case number(Int)
    /// A switch for `{{#…}}` / `{{^…}}`.
    case bool(Bool)
    /// Rows a section renders once each.
    case list([TemplateValue])
    /// Values by key: a section's context.
    case object(TemplateObject)

    /// A list of objects (table rows, links…).
    static func objects(_ objects: [TemplateObject]) -> TemplateValue {
        .list(objects.map(TemplateValue.object))
    }

    /// The field at `slot` when this is an object (present, its value possibly nil); nil otherwise.
    func field(_ slot: Int) -> TemplateObject.Field? {
        guard case .object(let object) = self else { return nil }
        return object.field(slot)
    }

    /// True when `{{#…}}` renders: not `false`, not empty HTML (an empty list renders nothing
    /// either, as it has no rows). Text counts even when empty, as Mustache has it.
    var isTruthy: Bool {
        switch self {
        case .bool(let value): value
        case .html(let html): !html.html.isEmpty
        case .text, .number, .list, .object: true
        }
    }
}
