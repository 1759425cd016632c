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
    /// The theme's program, read through pointers valid for one `render` call.
    private let instructions: UnsafeBufferPointer<TemplateProgram.Instruction>
    private let bytes: UnsafeBufferPointer<UInt8>
    private let parts: UnsafeBufferPointer<Int>
    private let overrideList: UnsafeBufferPointer<TemplateProgram.Override>
    private let templates: UnsafeBufferPointer<Range<Int>?>
    private(set) var out: [UInt8] = []
    /// The contexts, innermost last.
    private var stack: [TemplateValue] = []
    /// Partials being rendered inside one another; past `maximumPartialDepth` a partial renders as nothing.
    private var partialDepth = 0
    static let maximumPartialDepth = 100

    /// Renders `name` with `view` as the outermost context; nil when there is no such template.
    static func render(_ name: String, _ view: TemplateValue, templates set: TemplateSet, capacity: Int = 16_384) -> [UInt8]? {
        let program = set.program
        guard let index = set.indices[name], index < program.templates.count, let range = program.templates[index] else { return nil }
        return program.instructions.withUnsafeBufferPointer { instructions in
            program.bytes.withUnsafeBufferPointer { bytes in
                program.parts.withUnsafeBufferPointer { parts in
                    program.overrides.withUnsafeBufferPointer { overrides in
                        program.templates.withUnsafeBufferPointer { templates in
                            var renderer = TemplateRenderer(instructions: instructions, bytes: bytes, parts: parts,
                                                            overrideList: overrides, templates: templates)
                            renderer.out.reserveCapacity(capacity)
                            renderer.stack = [view]
                            renderer.render(range, indentation: nil, overrides: [])
                            return renderer.out
                        }
                    }
                }
            }
        }
    }

    private init(instructions: UnsafeBufferPointer<TemplateProgram.Instruction>, bytes: UnsafeBufferPointer<UInt8>,
                 parts: UnsafeBufferPointer<Int>, overrideList: UnsafeBufferPointer<TemplateProgram.Override>,
                 templates: UnsafeBufferPointer<Range<Int>?>) {
        self.instructions = instructions
        self.bytes = bytes
        self.parts = parts
        self.overrideList = overrideList
        self.templates = templates
    }

    /// Renders `instructions[range]`. In an indented standalone partial, what starts a line of
    /// the output gets the indentation (its first line is indented by the text before the tag).
    /// `overrides` are the blocks overridden here, outermost first: the first of a slot wins.
    private mutating func render(_ range: Range<Int>, indentation: [UInt8]?, overrides: [TemplateProgram.Override]) {
        let start = out.count
        var index = range.lowerBound
        while index < range.upperBound {
            let before = out.count
            let atLineStart = before > start && out[before - 1] == UInt8(ascii: "\n")
            var next = index + 1
            switch instructions[index] {
            case .text(let text):
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[text]))

            case .variable(let name, let escaped):
                switch lookUp(name) {
                case .text(let text)?: appendEscaped(text)
                case .html(let html)?: escaped ? appendEscaped(html.html) : append(html.html)
                case .number(let number)?: append(String(number))
                case .bool(let value)?: append(value ? "true" : "false")
                case .list?, .object?, nil: break
                }

            case .section(let name, let body, let inverted):
                next = body.upperBound
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

            case .partial(let template, let partialIndentation, let partialOverrides, let after):
                next = after
                // A partial may include itself (a tree rendered by a recursive partial), but not forever.
                guard let template, let body = templates[template], partialDepth < Self.maximumPartialDepth else { break }
                partialDepth += 1
                defer { partialDepth -= 1 }
                var combined = overrides
                // The outer template's overrides win over the ones given here.
                for entry in partialOverrides where !overrides.contains(where: { $0.slot == overrideList[entry].slot }) {
                    combined.append(overrideList[entry])
                }
                let indented = partialIndentation.map { (indentation ?? []) + bytes[$0] } ?? indentation
                render(body, indentation: indented, overrides: combined)

            case .block(let slot, let body, let blockIndentation):
                next = body.upperBound
                let chosen = overrides.first { $0.slot == slot }?.body ?? body
                render(chosen, indentation: (indentation ?? []) + bytes[blockIndentation], overrides: overrides)
            }
            if atLineStart, let indentation, !indentation.isEmpty, out.count > before {
                out.insert(contentsOf: indentation, at: before)
            }
            index = next
        }
    }

    private mutating func renderPushing(_ context: TemplateValue, _ body: Range<Int>, _ indentation: [UInt8]?,
                                        _ overrides: [TemplateProgram.Override]) {
        stack.append(context)
        render(body, indentation: indentation, overrides: overrides)
        stack.removeLast()
    }

    // MARK: - Values

    /// The value a name stands for in the current contexts. The contexts are read in place;
    /// only the value found is copied.
    private func lookUp(_ name: TemplateProgram.Name) -> TemplateValue? {
        guard let first = name.first else { return stack.last }
        var value: TemplateValue? = stack.withUnsafeBufferPointer { stack in
            if name.anchored { return stack.last?.field(first)?.value ?? nil }
            var level = stack.count
            while level > 0 {
                level -= 1
                if let field = stack[level].field(first) { return field.value }
            }
            return nil
        }
        for part in name.rest {
            guard let field = value?.field(parts[part]) else { return nil }
            value = field.value
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
