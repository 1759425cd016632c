import Foundation

/// A value that looks its own keys up, for views that are not dictionaries
/// (the template-key test records every name asked for through one).
public protocol TemplateParent {
    func child(named name: String) -> Any?
}

/// Renders compiled templates with a view: dictionaries `[String: Any]` (and
/// `[String: String]`), arrays of them, strings, numbers, booleans and
/// `TrustedHTML`, as swift-mustache does:
///
/// - a name is looked up from the innermost context outwards; `a.b` finds `a`
///   that way, then `b` in it only;
/// - `{{name}}` escapes `< > & " '`, `{{{name}}}` does not; `TrustedHTML` is
///   HTML already and goes out as it is from `{{{…}}}`;
/// - a section renders once per element of an array, once for `true`, not at
///   all for `false`, a missing name, or an empty `TrustedHTML`, and once with
///   any other value as the innermost context;
/// - an inverted section renders exactly when a section would not.
///
/// The output is built as UTF-8 bytes in one buffer; the context stack is
/// pushed and popped, never copied. A renderer is used by one thread.
struct TemplateRenderer {
    let templates: [String: CompiledTemplate]
    private(set) var out: [UInt8] = []
    /// The contexts, innermost last; dictionaries are held as what they are, so a
    /// lookup does not cast at every level.
    private var stack: [Context] = []
    /// Partials being rendered inside one another; past `maximumPartialDepth` a partial renders as nothing.
    private var partialDepth = 0
    static let maximumPartialDepth = 100

    enum Context {
        case dictionary([String: Any])
        case strings([String: String])
        case value(Any)

        init(_ value: Any) {
            switch TemplateRenderer.kind(value) {
            case .dictionary: self = .dictionary(value as! [String: Any])
            case .strings: self = .strings(value as! [String: String])
            default: self = .value(value)
            }
        }

        var value: Any {
            switch self {
            case .dictionary(let dictionary): dictionary
            case .strings(let strings): strings
            case .value(let value): value
            }
        }

        func child(_ name: String) -> Any? {
            switch self {
            case .dictionary(let dictionary): TemplateRenderer.unwrap(dictionary[name])
            case .strings(let strings): strings[name]
            case .value(let value): TemplateRenderer.child(name, of: value)
            }
        }
    }

    init(templates: [String: CompiledTemplate], capacity: Int = 16_384) {
        self.templates = templates
        out.reserveCapacity(capacity)
    }

    /// Renders `name` with `view` as the outermost context; nil when there is no such template.
    static func render(_ name: String, _ view: Any, templates: [String: CompiledTemplate]) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(templates: templates)
        renderer.stack = [Context(view)]
        renderer.render(template.nodes, indentation: nil, overrides: nil)
        return renderer.out
    }

    private mutating func render(_ nodes: [TemplateNode], indentation: String?, overrides: [String: [TemplateNode]]?) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node, indentation: indentation, overrides: overrides) }
            return
        }
        // An indented standalone partial: what starts a line of its output gets the indentation
        // (its first line is indented by the text before the tag).
        let start = out.count
        for node in nodes {
            let before = out.count
            let atLineStart = before > start && out[before - 1] == UInt8(ascii: "\n")
            render(node, indentation: indentation, overrides: overrides)
            if atLineStart && out.count > before {
                out.insert(contentsOf: indentation.utf8, at: before)
            }
        }
    }

    private mutating func render(_ node: TemplateNode, indentation: String?, overrides: [String: [TemplateNode]]?) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)

        case .variable(let name, let escaped):
            guard let value = lookUp(name) else { return }
            if case .html = Self.kind(value) {
                let html = (value as! TrustedHTML).html
                escaped ? appendEscaped(html) : append(html)
            } else {
                let text = Self.describe(value)
                escaped ? appendEscaped(text) : append(text)
            }

        case .section(let name, let body, let inverted):
            let value = lookUp(name)
            switch Self.sectionElements(value) {
            case .rows(let rows):
                if inverted {
                    if rows.isEmpty { renderPushing(value as Any, body, indentation, overrides) }
                } else {
                    for row in rows { renderPushing(row, body, indentation, overrides) }
                }
            case .list(let list):
                if inverted {
                    if list.isEmpty { renderPushing(value as Any, body, indentation, overrides) }
                } else {
                    for element in list { renderPushing(element, body, indentation, overrides) }
                }
            case .single:
                let truthy = Self.isTruthy(value)
                if inverted {
                    if !truthy { render(body, indentation: indentation, overrides: overrides) }
                } else if truthy, let value {
                    if case .bool = Self.kind(value) {
                        render(body, indentation: indentation, overrides: overrides)
                    } else {
                        renderPushing(value, body, indentation, overrides)
                    }
                }
            }

        case .partial(let name, let partialIndentation, let partialOverrides):
            // A partial may include itself (a tree rendered by a recursive partial), but not forever.
            guard let template = templates[name], partialDepth < Self.maximumPartialDepth else { return }
            partialDepth += 1
            defer { partialDepth -= 1 }
            var combined = overrides
            if let partialOverrides {
                // The outer template's overrides win over the ones given here.
                combined = (overrides ?? [:]).merging(partialOverrides) { outer, _ in outer }
            }
            let indented = partialIndentation.map { (indentation ?? "") + $0 } ?? indentation
            render(template.nodes, indentation: indented, overrides: combined)

        case .block(let name, let defaultNodes, let blockIndentation):
            let indented = (indentation ?? "") + blockIndentation
            render(overrides?[name] ?? defaultNodes, indentation: indented, overrides: overrides)
        }
    }

    private mutating func renderPushing(_ context: Any, _ nodes: [TemplateNode], _ indentation: String?,
                                        _ overrides: [String: [TemplateNode]]?) {
        stack.append(Context(context))
        render(nodes, indentation: indentation, overrides: overrides)
        stack.removeLast()
    }

    // MARK: - Values

    /// What a value is, found by comparing its dynamic type with the types
    /// views use. `as?` between collection types converts element by element
    /// (a `[String: String]` tried as `[String: Any]` is rebuilt whole), so
    /// values are told apart by exact type first and cast only to the type
    /// they have.
    enum Kind {
        case dictionary, strings, rows, list, string, bool, int, double, html, other
    }

    private static let dictionaryType = ObjectIdentifier([String: Any].self)
    private static let stringsType = ObjectIdentifier([String: String].self)
    private static let rowsType = ObjectIdentifier([[String: Any]].self)
    private static let listType = ObjectIdentifier([Any].self)
    private static let stringType = ObjectIdentifier(String.self)
    private static let boolType = ObjectIdentifier(Bool.self)
    private static let intType = ObjectIdentifier(Int.self)
    private static let doubleType = ObjectIdentifier(Double.self)
    private static let htmlType = ObjectIdentifier(TrustedHTML.self)

    static func kind(_ value: Any) -> Kind {
        switch ObjectIdentifier(type(of: value)) {
        case dictionaryType: .dictionary
        case stringsType: .strings
        case rowsType: .rows
        case listType: .list
        case stringType: .string
        case boolType: .bool
        case intType: .int
        case doubleType: .double
        case htmlType: .html
        default: .other
        }
    }

    /// The value a name stands for in the current contexts.
    private func lookUp(_ name: TemplateName) -> Any? {
        guard let first = name.parts.first else { return stack.last?.value }
        var value: Any?
        if name.anchored {
            value = stack.last?.child(first)
        } else {
            var level = stack.count
            while level > 0 {
                level -= 1
                if let found = stack[level].child(first) { value = found; break }
            }
        }
        for part in name.parts.dropFirst() {
            guard let current = value else { return nil }
            value = Self.child(part, of: current)
        }
        return value
    }

    /// `name` in one context: a dictionary's entry, a `TemplateParent`'s child,
    /// or a stored property (as Mirror shows it) of any other value.
    static func child(_ name: String, of object: Any) -> Any? {
        switch kind(object) {
        case .dictionary: return unwrap((object as! [String: Any])[name])
        case .strings: return (object as! [String: String])[name]
        case .rows, .list, .string, .bool, .int, .double: return nil
        case .html: return name == "html" ? (object as! TrustedHTML).html : nil
        case .other:
            switch OtherType.traits(of: object) {
            case .dictionary: return unwrap((object as! any StringKeyedDictionary).value(forKey: name))
            case .parent: return unwrap((object as! TemplateParent).child(named: name))
            case .null, .optional, .sequence: return nil
            case .plain:
                guard let match = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
                return unwrap(match.value)
            }
        }
    }

    /// An optional stored in an `Any` counts as its value, or as missing.
    static func unwrap(_ value: Any?) -> Any? {
        guard let value else { return nil }
        guard case .other = kind(value) else { return value }
        switch OtherType.traits(of: value) {
        case .optional: return (value as! AnyOptionalValue).wrappedAny.flatMap(unwrap)
        case .null: return nil
        default: return value
        }
    }

    /// How a section treats a value: once per row or element of an array, or once (or not) for anything else.
    enum SectionElements {
        case rows([[String: Any]])
        case list([Any])
        case single
    }

    static func sectionElements(_ value: Any?) -> SectionElements {
        guard let value else { return .single }
        switch kind(value) {
        case .rows: return .rows(value as! [[String: Any]])
        case .list: return .list(value as! [Any])
        case .other:
            guard case .sequence = OtherType.traits(of: value), let sequence = value as? any Sequence else { return .single }
            return .list(anyElements(sequence))
        default: return .single
        }
    }

    private static func anyElements<S: Sequence>(_ sequence: S) -> [Any] { sequence.map { $0 as Any } }

    static func isTruthy(_ value: Any?) -> Bool {
        guard let value else { return false }
        switch kind(value) {
        case .bool: return value as! Bool
        case .html: return !(value as! TrustedHTML).html.isEmpty
        default: return true
        }
    }

    /// A value as text, as Swift's `String(describing:)` writes it.
    static func describe(_ value: Any) -> String {
        switch kind(value) {
        case .string: return value as! String
        case .int: return String(value as! Int)
        case .bool: return (value as! Bool) ? "true" : "false"
        default: return String(describing: value)
        }
    }

    // MARK: - Output

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// Appends `text` with `< > & " '` escaped; runs without them are copied whole.
    private mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                runStart = index + 1
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
    }
}

/// Lets an `Optional` inside an `Any` be opened without knowing its type.
protocol AnyOptionalValue {
    var wrappedAny: Any? { get }
}

extension Optional: AnyOptionalValue {
    var wrappedAny: Any? { self.map { $0 as Any } }
}

/// Dictionaries are not sequences a section iterates.
protocol AnyDictionaryValue {}
extension Dictionary: AnyDictionaryValue {}

/// Any `[String: Value]` (views are mostly `[String: Any]`, looked up without this).
protocol StringKeyedDictionary {
    func value(forKey key: String) -> Any?
}

extension Dictionary: StringKeyedDictionary where Key == String {
    func value(forKey key: String) -> Any? { self[key].map { $0 as Any } }
}

/// What a value of a type the renderer does not know by name is, found with
/// protocol casts once per type and remembered (casting every value to a
/// protocol would look its conformances up, and try bridging, every time).
enum OtherType {
    enum Traits { case dictionary, parent, optional, null, sequence, plain }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var known: [ObjectIdentifier: Traits] = [:]

    static func traits(of value: Any) -> Traits {
        let type = ObjectIdentifier(Swift.type(of: value))
        lock.lock()
        let cached = known[type]
        lock.unlock()
        if let cached { return cached }
        let traits: Traits =
            if value is AnyOptionalValue { .optional }
            else if value is NSNull { .null }
            else if value is any StringKeyedDictionary { .dictionary }
            else if value is TemplateParent { .parent }
            else if value is any AnyDictionaryValue { .plain }
            else if value is any Sequence { .sequence }
            else { .plain }
        lock.lock()
        known[type] = traits
        lock.unlock()
        return traits
    }
}
