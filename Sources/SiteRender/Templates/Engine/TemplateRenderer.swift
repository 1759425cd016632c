/// Renders compiled templates with a view made of `TemplateValue`s, as
/// swift-mustache renders the same values (a test compares every page):
///
/// - a name is looked up from the innermost context outwards; `a.b` finds `a`
///   that way, then `b` in it only; a field set to nil is found, empty;
/// - `{{name}}` escapes `< > & " '`; `{{{name}}}` writes `.html` as it is and
///   escapes `.text` all the same (the theme refuses a `{{{…}}}` of a key that
///   holds no HTML when it loads; this is the guard behind that);
/// - a section renders once per element of a list, once for `true`, not at
///   all for `false`, a missing or empty value, or empty HTML, and once with
///   any other value as the innermost context;
/// - an inverted section renders exactly when a section would not.
///
/// Names are slots (`TemplateKeyTable`) and objects hold their fields by slot,
/// so a lookup compares integers. The output is built as UTF-8 bytes in one
/// buffer; the context stack is pushed and popped, never copied. A renderer is
/// used by one thread.
struct TemplateRenderer {
    let templates: TemplateSet
    private(set) var out: [UInt8] = []
    /// The contexts, innermost last.
    private var stack: [TemplateValue] = []
    /// Partials being rendered inside one another; past `maximumPartialDepth` a partial renders as nothing.
    private var partialDepth = 0
    static let maximumPartialDepth = 100

    init(templates: TemplateSet, capacity: Int = 16_384) {
        self.templates = templates
        out.reserveCapacity(capacity)
    }

    /// Renders `name` with `view` as the outermost context; nil when there is no such template.
    static func render(_ name: String, _ view: TemplateValue, templates: TemplateSet) -> [UInt8]? {
        guard let template = templates.template(name) else { return nil }
        var renderer = TemplateRenderer(templates: templates)
        renderer.stack = [view]
        renderer.render(template.nodes, indentation: nil, overrides: nil)
        return renderer.out
    }

    private mutating func render(_ nodes: [TemplateNode], indentation: [UInt8]?, overrides: [Int: [TemplateNode]]?) {
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
                out.insert(contentsOf: indentation, at: before)
            }
        }
    }

    private mutating func render(_ node: TemplateNode, indentation: [UInt8]?, overrides: [Int: [TemplateNode]]?) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)

        case .variable(let name, let escaped):
            switch lookUp(name) {
            case .text(let text)?: appendEscaped(text)
            case .html(let html)?: escaped ? appendEscaped(html.html) : append(html.html)
            case .number(let number)?: append(String(number))
            case .bool(let value)?: append(value ? "true" : "false")
            case .list?, .object?, nil: break
            }

        case .section(let name, let body, let inverted):
            let value = lookUp(name)
            if case .list(let elements)? = value {
                if inverted {
                    if elements.isEmpty { renderPushing(.list(elements), body, indentation, overrides) }
                } else {
                    for element in elements { renderPushing(element, body, indentation, overrides) }
                }
            } else if inverted {
                if value?.isTruthy != true { render(body, indentation: indentation, overrides: overrides) }
            } else if let value, value.isTruthy {
                if case .bool = value {
                    render(body, indentation: indentation, overrides: overrides)
                } else {
                    renderPushing(value, body, indentation, overrides)
                }
            }

        case .partial(let index, let partialIndentation, let partialOverrides):
            // A partial may include itself (a tree rendered by a recursive partial), but not forever.
            guard let index, let template = templates.templates[index], partialDepth < Self.maximumPartialDepth else { return }
            partialDepth += 1
            defer { partialDepth -= 1 }
            var combined = overrides
            if let partialOverrides {
                // The outer template's overrides win over the ones given here.
                combined = (overrides ?? [:]).merging(partialOverrides) { outer, _ in outer }
            }
            let indented = partialIndentation.map { (indentation ?? []) + $0 } ?? indentation
            render(template.nodes, indentation: indented, overrides: combined)

        case .block(let slot, let defaultNodes, let blockIndentation):
            let indented = (indentation ?? []) + blockIndentation
            render(overrides?[slot] ?? defaultNodes, indentation: indented, overrides: overrides)
        }
    }

    private mutating func renderPushing(_ context: TemplateValue, _ nodes: [TemplateNode], _ indentation: [UInt8]?,
                                        _ overrides: [Int: [TemplateNode]]?) {
        stack.append(context)
        render(nodes, indentation: indentation, overrides: overrides)
        stack.removeLast()
    }

    // MARK: - Values

    /// The value a name stands for in the current contexts.
    private func lookUp(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.slots.first else { return stack.last }
        var value: TemplateValue?
        if name.anchored {
            guard case .object(let object)? = stack.last, let field = object.field(first) else { return nil }
            value = field.value
        } else {
            var level = stack.count
            var found = false
            while level > 0 && !found {
                level -= 1
                if case .object(let object) = stack[level], let field = object.field(first) {
                    value = field.value
                    found = true
                }
            }
        }
        for slot in name.slots.dropFirst() {
            guard case .object(let object)? = value else { return nil }
            value = object.field(slot)?.value ?? nil
        }
        return value
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
