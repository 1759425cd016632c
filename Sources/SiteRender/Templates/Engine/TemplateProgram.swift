/// A theme's parsed templates flattened into one list of instructions that
/// hold only numbers: text as a range of one byte pool, names as slots,
/// sections, partials and blocks as ranges of the list. Walking it copies no
/// array and retains nothing (a tree of nodes retained every node it visited:
/// most of the renderer's time), so rendering costs the lookups and the bytes.
struct TemplateProgram: Sendable {
    /// A name as slots: `first` (nil for `.`), then `rest` of `parts`.
    struct Name: Sendable {
        var first: Int?
        var rest: Range<Int>
        var anchored: Bool
    }

    enum Instruction: Sendable {
        /// `bytes[range]`.
        case text(Range<Int>)
        case variable(Name, escaped: Bool)
        /// The section's body is `instructions[body]`; the next instruction is at `body.upperBound`.
        case section(Name, body: Range<Int>, inverted: Bool)
        /// A template by index (nil: none of that name, reported at load); the indentation of a
        /// standalone tag as `bytes[indentation]`; the blocks it overrides, `overrides[overrides]`,
        /// whose bodies follow it up to `next`, the next instruction.
        case partial(Int?, indentation: Range<Int>?, overrides: Range<Int>, next: Int)
        /// A block by its name's slot; its default is `instructions[body]`.
        case block(Int, body: Range<Int>, indentation: Range<Int>)
    }

    /// A block a parent's includer overrides: the block's slot and its instructions.
    struct Override: Sendable {
        var slot: Int
        var body: Range<Int>
    }

    private(set) var instructions: [Instruction] = []
    private(set) var bytes: [UInt8] = []
    private(set) var parts: [Int] = []
    private(set) var overrides: [Override] = []
    /// Each template's instructions, by template index (nil where it did not parse).
    private(set) var templates: [Range<Int>?] = []

    init(_ templates: [CompiledTemplate?]) {
        for template in templates {
            self.templates.append(template.map { append($0.nodes) })
        }
    }

    /// Appends `nodes` (sections' and blocks' bodies right after them) and returns their range.
    private mutating func append(_ nodes: [TemplateNode]) -> Range<Int> {
        let start = instructions.count
        for node in nodes {
            switch node {
            case .text(let text):
                // One instruction per node, never merged: an indented partial indents what starts a node.
                instructions.append(.text(pool(text)))
            case .variable(let name, let escaped):
                instructions.append(.variable(self.name(name), escaped: escaped))
            case .section(let name, let body, let inverted):
                let at = reserve()
                instructions[at] = .section(self.name(name), body: append(body), inverted: inverted)
            case .partial(let index, let indentation, let blocks):
                let at = reserve()
                var compiled: [Override] = []
                // In name order: the parser's dictionary has none, and the output does not depend on it.
                for (slot, body) in (blocks ?? [:]).sorted(by: { $0.key < $1.key }) {
                    compiled.append(Override(slot: slot, body: append(body)))
                }
                let range = overrides.count..<(overrides.count + compiled.count)
                overrides += compiled
                var indented: Range<Int>?
                if let indentation { indented = pool(indentation) }
                instructions[at] = .partial(index, indentation: indented, overrides: range, next: instructions.count)
            case .block(let slot, let defaultNodes, let indentation):
                let at = reserve()
                instructions[at] = .block(slot, body: append(defaultNodes), indentation: pool(indentation))
            }
        }
        return start..<instructions.count
    }

    /// A place for an instruction whose body follows it.
    private mutating func reserve() -> Int {
        instructions.append(.text(0..<0))
        return instructions.count - 1
    }

    private mutating func pool(_ text: [UInt8]) -> Range<Int> {
        bytes += text
        return (bytes.count - text.count)..<bytes.count
    }

    private mutating func name(_ name: TemplateName) -> Name {
        let rest = parts.count..<(parts.count + max(name.slots.count - 1, 0))
        parts += name.slots.dropFirst()
        return Name(first: name.slots.first, rest: rest, anchored: name.anchored)
    }
}
