/// Parses Mustache template text: variables, sections, inverted sections,
/// comments, partials, set delimiters, and template inheritance (`{{<parent}}`
/// with `{{$block}}` overrides). Whitespace follows the Mustache spec's
/// standalone-line rules the way swift-mustache applies them, so templates
/// render byte for byte as they do there (a test compares the two).
/// swift-mustache's extensions (transforms such as `{{uppercase(x)}}`,
/// dynamic partials, `{{%CONTENT_TYPE}}`) are refused with an error.
struct MustacheParser {
    struct Failure: Error, Sendable {
        enum Reason: Sendable {
            case sectionCloseNameIncorrect(expected: String?, found: String)
            case unfinishedName
            case expectedSectionEnd(String)
            case invalidSetDelimiter
            case illegalTokenInsideParent
            case unsupported(String)
        }
        var reason: Reason
        /// 1-based, in the template's lines and characters.
        var line: Int
        var column: Int

        var message: String {
            switch reason {
            case .sectionCloseNameIncorrect(let expected, let found):
                expected.map { "{{/\(found)}} closes {{#\($0)}}" } ?? "{{/\(found)}} closes no open section"
            case .unfinishedName: "a tag is not closed, or its name has characters a name cannot have"
            case .expectedSectionEnd(let name): "{{#\(name)}} is never closed"
            case .invalidSetDelimiter: "a set-delimiter tag must read {{=<start> <end>=}}"
            case .illegalTokenInsideParent: "only {{$block}} overrides may appear inside {{<parent}}…{{/parent}}"
            case .unsupported(let what): "\(what) is not supported"
            }
        }
    }

    struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        var partialDefinitionIndent: [Character]?

        /// Sections and parents open around this point.
        var depth = 0

        func withSectionName(_ name: String, newLine: Bool) -> State {
            var state = self
            state.depth += 1
            state.sectionName = name
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withParent(_ name: String) -> State {
            var state = self
            state.depth += 1
            state.sectionName = name
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    private let characters: [Character]
    private var position = 0
    /// Names are numbered here as they are read.
    private var keys: TemplateKeyTable
    /// The templates a partial or parent may name, by index.
    private let templates: [String: Int]
    private var partialNames: [String] = []
    private var rawTags: [RawTag] = []

    private init(_ text: String, keys: TemplateKeyTable, templates: [String: Int]) {
        characters = Array(text)
        self.keys = keys
        self.templates = templates
    }

    /// Parses `text`, numbering its names in `keys` and resolving the partials it names among `templates`.
    static func parse(_ text: String, keys: inout TemplateKeyTable, templates: [String: Int]) throws(Failure) -> CompiledTemplate {
        var parser = MustacheParser(text, keys: keys, templates: templates)
        let nodes = try parser.parse(state: State())
        keys = parser.keys
        return CompiledTemplate(nodes: nodes, partialNames: parser.partialNames, rawTags: parser.rawTags)
    }

    // MARK: - Reading

    private var reachedEnd: Bool { position >= characters.count }
    private var current: Character { position < characters.count ? characters[position] : "\0" }

    @discardableResult
    private mutating func read(while predicate: (Character) -> Bool) -> [Character] {
        let start = position
        while position < characters.count, predicate(characters[position]) { position += 1 }
        return Array(characters[start..<position])
    }

    private mutating func read(_ string: [Character]) -> Bool {
        guard position + string.count <= characters.count,
              Array(characters[position..<position + string.count]) == string else { return false }
        position += string.count
        return true
    }

    private func failure(_ reason: Failure.Reason, at offset: Int? = nil) -> Failure {
        let (line, column) = place(offset ?? position)
        return Failure(reason: reason, line: line, column: column)
    }

    /// Line and column (1-based) of a character offset.
    private func place(_ offset: Int) -> (line: Int, column: Int) {
        let end = min(offset, characters.count)
        var line = 1, column = 1
        for character in characters[0..<end] {
            if character.isNewline { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    private mutating func name(_ text: String) -> TemplateName { TemplateName(text, keys: &keys) }

    /// An unescaped variable, remembered with its place for the theme's check.
    private mutating func rawVariable(_ text: String, at offset: Int) -> TemplateNode {
        let parsed = self.name(text)
        let (line, column) = place(offset)
        rawTags.append(RawTag(name: text, slots: parsed.slots, line: line, column: column))
        return .variable(parsed, escaped: false)
    }

    /// A partial or parent by name: its index, recorded for the missing-template check.
    private mutating func partial(_ name: String) -> Int? {
        partialNames.append(name)
        return templates[name]
    }

    private static func isSpaceOrTab(_ c: Character) -> Bool { c == " " || c == "\t" }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    // MARK: - Parsing

    private static func text(_ characters: [Character]) -> TemplateNode {
        .text(bytes(characters))
    }

    private static func bytes(_ characters: [Character]) -> [UInt8] { Array(String(characters).utf8) }

    /// Sections nested deeper than this are refused: the theme's are four deep, and each level is
    /// a frame of the parser and the renderer (10,000 of them overflowed the stack).
    static let maximumDepth = 100

    private mutating func parse(state initial: State) throws(Failure) -> [TemplateNode] {
        if initial.depth > Self.maximumDepth { throw failure(.unsupported("nesting sections more than \(Self.maximumDepth) deep")) }
        var nodes: [TemplateNode] = []
        var state = initial
        var whiteSpaceBefore: [Character] = []
        while !reachedEnd {
            if state.newLine {
                let whiteSpace = read(while: Self.isSpaceOrTab)
                if state.isPartialDefinition && !state.isPartialDefinitionTopLevel {
                    // Inside a block override: the first line's indentation is the override's own, removed from every line.
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = Array(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = readUntilDelimiterOrNewline(state)
            if current.isNewline && !reachedEnd {
                nodes.append(Self.text(whiteSpaceBefore + text + [current]))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(Self.text(whiteSpaceBefore + text))
                whiteSpaceBefore = []
                state.newLine = false
            }
            if reachedEnd { break }
            let tagStart = position - state.startDelimiter.count
            var setNewLine = false
            func flushWhiteSpace() {
                if !whiteSpaceBefore.isEmpty { nodes.append(Self.text(whiteSpaceBefore)); whiteSpaceBefore = [] }
            }
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try parseName(state)
                if isStandalone(state) { setNewLine = true } else { flushWhiteSpace() }
                let body = try parse(state: state.withSectionName(name, newLine: setNewLine))
                nodes.append(.section(self.name(name), body, inverted: inverted))

            case "/":
                position += 1
                let nameStart = position
                let name = try parseName(state)
                guard name == state.sectionName else {
                    throw failure(.sectionCloseNameIncorrect(expected: state.sectionName, found: name), at: nameStart)
                }
                if isStandalone(state) { setNewLine = true } else { flushWhiteSpace() }
                return nodes

            case "!":
                position += 1
                try skipComment(state)
                setNewLine = isStandalone(state)

            case "{":
                flushWhiteSpace()
                position += 1
                let name = try parseName(state)
                guard read(["}"]) else { throw failure(.unfinishedName) }
                nodes.append(rawVariable(name, at: tagStart))

            case "&":
                flushWhiteSpace()
                position += 1
                let name = try parseName(state)
                nodes.append(rawVariable(name, at: tagStart))

            case ">":
                position += 1
                read(while: \.isWhitespace)
                if current == "*" { throw failure(.unsupported("a dynamic partial ({{>*name}})")) }
                let name = try parsePartialName(state)
                if !whiteSpaceBefore.isEmpty { nodes.append(Self.text(whiteSpaceBefore)) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(partial(name), indentation: Self.bytes(whiteSpaceBefore), overrides: nil))
                } else {
                    nodes.append(.partial(partial(name), indentation: nil, overrides: nil))
                }
                whiteSpaceBefore = []

            case "<":
                position += 1
                read(while: \.isWhitespace)
                let name = try parsePartialName(state)
                if name.hasPrefix("*") { throw failure(.unsupported("a dynamic parent ({{<*name}})")) }
                if !whiteSpaceBefore.isEmpty { nodes.append(Self.text(whiteSpaceBefore)) }
                if isStandalone(state) { setNewLine = true }
                let body = try parse(state: state.withParent(name))
                var overrides: [Int: [TemplateNode]] = [:]
                for node in body {
                    switch node {
                    case .block(let blockName, let blockNodes, _): overrides[blockName] = blockNodes
                    case .text: break
                    default: throw failure(.illegalTokenInsideParent, at: tagStart)
                    }
                }
                nodes.append(.partial(partial(name), indentation: Self.bytes(whiteSpaceBefore), overrides: overrides))
                whiteSpaceBefore = []

            case "$":
                position += 1
                let name = try parseName(state)
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state: state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.block(keys.intern(name), defaultNodes: body, indentation: []))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(Self.text(whiteSpaceBefore)) }
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state: state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.block(keys.intern(name), defaultNodes: body, indentation: Self.bytes(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }

            case "=":
                position += 1
                state = try parseSetDelimiter(state)
                setNewLine = isStandalone(state)

            case "%":
                throw failure(.unsupported("a configuration tag ({{%…}})"))

            default:
                flushWhiteSpace()
                let name = try parseName(state)
                nodes.append(.variable(self.name(name), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName { throw failure(.expectedSectionEnd(open)) }
        return nodes
    }

    /// Text up to the next start delimiter (consumed) or newline (not consumed).
    private mutating func readUntilDelimiterOrNewline(_ state: State) -> [Character] {
        guard let first = state.startDelimiter.first else { return [] }
        var text: [Character] = []
        while !reachedEnd {
            let c = characters[position]
            if c.isNewline { break }
            if c == first {
                if read(state.startDelimiter) { break }
                text.append(c)
                position += 1
                continue
            }
            text.append(c)
            position += 1
        }
        return text
    }

    private mutating func parseName(_ state: State) throws(Failure) -> String {
        let name = try readTagName(state, allowed: Self.nameCharacters)
        if name.contains("(") || name.contains(")") { throw failure(.unsupported("a transform (\(name))")) }
        return name
    }

    private mutating func parsePartialName(_ state: State) throws(Failure) -> String {
        try readTagName(state, allowed: Self.partialNameCharacters)
    }

    /// A tag's name between optional white space, then the end delimiter.
    private mutating func readTagName(_ state: State, allowed: Set<Character>) throws(Failure) -> String {
        read(while: \.isWhitespace)
        let name = String(read(while: { allowed.contains($0) }))
        read(while: \.isWhitespace)
        guard read(state.endDelimiter) else { throw failure(.unfinishedName) }
        return name
    }

    private mutating func skipComment(_ state: State) throws(Failure) {
        while !reachedEnd {
            if read(state.endDelimiter) { return }
            position += 1
        }
        throw failure(.unfinishedName)
    }

    private mutating func parseSetDelimiter(_ state: State) throws(Failure) -> State {
        read(while: \.isWhitespace)
        let start = read(while: { !$0.isWhitespace })
        read(while: \.isWhitespace)
        let end = read(while: { $0 != "=" && !$0.isWhitespace })
        read(while: \.isWhitespace)
        guard !reachedEnd, !start.isEmpty, !end.isEmpty, read(["="]), read(state.endDelimiter) else {
            throw failure(.invalidSetDelimiter)
        }
        var state = state
        state.startDelimiter = start
        state.endDelimiter = end
        state.isPartialDefinitionTopLevel = false
        return state
    }

    /// After a tag: true when only spaces or tabs follow it on its line (the
    /// newline is then consumed) and it began its line.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if reachedEnd { return true }
        var probe = position
        while probe < characters.count, Self.isSpaceOrTab(characters[probe]) { probe += 1 }
        guard probe < characters.count, characters[probe].isNewline else { return false }
        position = probe + 1
        return true
    }
}
