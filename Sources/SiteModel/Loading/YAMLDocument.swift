import Yams

/// Composes YAML text into a Yams node tree whose marks are file positions,
/// turning parser errors into located diagnostics. Guards against input that
/// would exhaust the stack (deep nesting) or the machine (anchors and aliases,
/// refused before parsing by YAMLPrecheck; the expanded size is checked again
/// after composing, in case an alias ever got past the scan).
enum YAMLDocument {
    /// Deeper flow nesting or indentation than this is refused before parsing.
    static let maximumDepth = 64
    /// A document whose aliases expand to more nodes than this is refused.
    static let maximumExpandedNodes = 200_000

    /// The number of nodes the tree has with every alias expanded, counting no further than `limit`.
    static func expandedSize(_ node: Node, limit: Int) -> Int {
        var count = 0
        var stack = [node]
        while let next = stack.popLast() {
            count += 1
            if count > limit { return count }
            switch next {
            case .scalar, .alias: break
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            case .mapping(let mapping):
                for (key, value) in mapping { stack.append(key); stack.append(value) }
            }
        }
        return count
    }

    /// More YAML than this in one file or front matter is refused before parsing: a city's
    /// units.yaml is half a megabyte, and parsing and decoding take about half a second a megabyte.
    public static let maximumSize = 4 * 1024 * 1024

    static func compose(_ text: String, file: String, into diagnostics: inout Diagnostics) -> Node? {
        guard text.utf8.count <= maximumSize else {
            diagnostics.append(.error(.yamlTooLarge, at: SourceLocation(file: file),
                                      "YAML 内容过大 (more than \(maximumSize / (1024 * 1024)) MB of YAML)",
                                      hint: "a site's YAML files are far smaller; split the content (a plan per folder), or publish the data as an attachment"))
            return nil
        }
        if let problem = precheck(text, file: file) {
            diagnostics.append(problem)
            return nil
        }
        do {
            // Every scalar is read as text and typed by the decoders, so no tag is resolved here:
            // Yams' default resolver runs a regular expression per scalar (each time a key is hashed).
            // The encoding is named: Yams' default reads the whole process environment for each document.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else {
                diagnostics.append(.error(.emptyDocument, at: SourceLocation(file: file),
                                          "YAML 内容为空 (the YAML document is empty)"))
                return nil
            }
            // Aliases share their node: a few of them can stand for billions of values ("billion laughs").
            if text.utf8Contains(UInt8(ascii: "*")), expandedSize(node, limit: maximumExpandedNodes) > maximumExpandedNodes {
                diagnostics.append(.error(.yamlAliases, at: SourceLocation(file: file),
                                          "YAML 别名展开后过大 (the YAML aliases expand to more than \(maximumExpandedNodes) values)",
                                          hint: "write the values out instead of using * aliases"))
                return nil
            }
            // A double-quoted scalar can write any character as an escape (`"\x01"`, `"\uFFFE"`),
            // which the file's own bytes do not show: its text is checked as the file's is.
            if text.utf8Contains(UInt8(ascii: "\\")) { checkEscapedCharacters(node, file: file, into: &diagnostics) }
            return node
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, file: file))
            return nil
        } catch {
            diagnostics.append(.error(.yamlSyntax, at: SourceLocation(file: file), "YAML 无法解析 (cannot parse YAML): \(error)"))
            return nil
        }
    }

    /// A forbidden character (TextDecoding.forbiddenCharacters) that a scalar's escapes write: an
    /// error at the scalar, at most 20 in a file.
    static func checkEscapedCharacters(_ node: Node, file: String, into diagnostics: inout Diagnostics) {
        var found = 0
        var stack = [node]
        while let next = stack.popLast(), found < 20 {
            switch next {
            case .scalar(let scalar):
                guard let character = TextDecoding.forbiddenCharacters(in: scalar.string, limit: 1).first else { continue }
                found += 1
                let at = next.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? SourceLocation(file: file)
                diagnostics.append(.error(.invalidCharacter, at: at,
                                          "不允许的字符 \(character.codePoint) (a control character or noncharacter, written as an escape, which no page or feed may hold)",
                                          hint: "delete the escape: a page or feed cannot show it"))
            case .alias: break
            case .sequence(let sequence): stack.append(contentsOf: sequence.reversed())
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() { stack.append(value); stack.append(key) }
            }
        }
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        func hint(for problem: String, mark: Mark, yaml: String) -> String? {
            let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(mark.line - 1).first ?? ""
            if problem.contains("tab") || line.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
                return "indent with spaces, not tabs"
            }
            if problem.contains("quoted scalar") { return "close the quotes on the same value" }
            if problem.contains("mapping values are not allowed") {
                return "indentation is wrong, or a value holding \": \" needs quotes"
            }
            if problem.contains("did not find expected key") { return "check the indentation of this block" }
            return nil
        }
        switch error {
        case let .scanner(context, problem, mark, yaml), let .parser(context, problem, mark, yaml),
             let .composer(context, problem, mark, yaml):
            let detail = [context?.text, problem].compactMap { $0 }.joined(separator: ", ")
            return .error(.yamlSyntax, at: at(mark), "YAML 语法错误 (YAML syntax error): \(detail)",
                          hint: hint(for: detail, mark: mark, yaml: yaml))
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(.duplicateKey, at: at(context.mark),
                          "键重复 (duplicate key): \(duplicates.joined(separator: ", "))",
                          hint: "each key may appear once in a mapping")
        case let .reader(problem, offset, _, yaml):
            var location = SourceLocation(file: file)
            if let offset {
                let prefix = yaml.prefix(offset)
                location.line = prefix.count(where: { $0 == "\n" }) + 1
                location.column = prefix.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.unicodeScalars.count + 1 } ?? 1
            }
            return .error(.yamlSyntax, at: location, "YAML 无法读取 (unreadable YAML): \(problem)")
        default:
            return .error(.yamlSyntax, at: SourceLocation(file: file), "YAML 无法解析 (cannot parse YAML): \(error)")
        }
    }

    /// Anchors, aliases and nesting too deep, found before parsing (YAMLPrecheck).
    static func precheck(_ text: String, file: String) -> Diagnostic? {
        switch YAMLPrecheck.scan(text) {
        case nil: return nil
        case .anchor(let line, let column), .alias(let line, let column):
            return .error(.yamlAliases, at: SourceLocation(file: file, line: line, column: column),
                          "不接受 YAML 锚点和别名 (YAML anchors & and aliases * are not accepted in content)",
                          hint: "write the value out in full; a text that begins with & or * goes in quotes")
        case .tooDeep(let line, let column):
            return .error(.yamlTooDeep, at: SourceLocation(file: file, line: line, column: column),
                          "YAML 嵌套过深 (YAML nested too deeply)", hint: "content never nests more than a few levels")
        }
    }
}
