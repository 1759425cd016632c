import Foundation
import Yams

/// A mapping's entries in file order, with their key nodes for locations.
struct YAMLMap {
    struct Entry {
        var key: String
        var keyNode: Node
        var value: Node
    }

    var node: Node
    var entries: [Entry]

    subscript(key: String) -> Node? {
        guard let index = entries.firstIndex(where: { $0.key == key }), !YAMLReader.isNull(entries[index].value) else { return nil }
        return entries[index].value
    }

    func has(_ key: String) -> Bool { self[key] != nil }
}

/// Reads typed values out of a YAML node tree, turning every problem into a
/// located diagnostic and returning nil, so decoding carries on.
struct YAMLReader {
    let file: String
    var diagnostics = Diagnostics()
    /// The text the nodes were composed from (its lines are the file's), for where Markdown values start.
    let source: String?
    /// The UTF-8 offset of each line of `source`, made when first needed.
    var lineStarts: [Int]?

    init(file: String, source: String? = nil) {
        self.file = file
        self.source = source
    }

    func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    mutating func error(_ code: DiagnosticCode, _ node: Node?, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(code, at: location(node), message, hint: hint))
    }

    mutating func warning(_ code: DiagnosticCode, _ node: Node?, _ message: String, hint: String? = nil) {
        diagnostics.append(.warning(code, at: location(node), message, hint: hint))
    }

    static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar: "text"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    // MARK: - Structure

    mutating func mapping(_ node: Node, _ what: String) -> YAMLMap? {
        guard case let .mapping(mapping) = node else {
            error(.wrongType, node, "\(what) 应为键值映射 (\(what) must be a mapping, found \(Self.describe(node)))")
            return nil
        }
        var entries: [YAMLMap.Entry] = []
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key else {
                error(.wrongType, key, "键必须是文字 (a key must be plain text)")
                continue
            }
            entries.append(.init(key: scalar.string, keyNode: key, value: value))
        }
        return YAMLMap(node: node, entries: entries)
    }

    /// A list; a single scalar or mapping is read as a one-element list.
    /// More items than this in one list (units, tasks, hazards…) is an error: a city has a few
    /// thousand units, a plan a few dozen tasks; each item can be two pages.
    static let maximumItems = 5_000

    mutating func list(_ node: Node, _ what: String) -> [Node] {
        switch node {
        case let .sequence(sequence):
            guard sequence.count <= Self.maximumItems else {
                error(.tooManyItems, sequence[Self.maximumItems],
                      "列表项过多 (\(what): more than \(Self.maximumItems) items in one list)",
                      hint: "split the content (a plan per folder), or publish the list as an attachment")
                return Array(sequence.prefix(Self.maximumItems))
            }
            return Array(sequence)
        case .scalar, .mapping: return Self.isNull(node) ? [] : [node]
        case .alias:
            error(.wrongType, node, "\(what): 不支持此写法 (unsupported value)")
            return []
        }
    }

    /// The value of a key that must be given: a missing key, or one left empty
    /// (`title:`, `title: ""`, spaces only), is an error here, not an item
    /// silently dropped later.
    mutating func required(_ map: YAMLMap, _ key: String, _ what: String) -> Node? {
        guard let value = map[key] else {
            if let written = map.entries.first(where: { $0.key == key }) {
                // `title:` with nothing after it (or `~`, `null`).
                error(.emptyValue, written.keyNode, "\(key) 不能为空 (`\(key)` of \(what) is empty)", hint: "write the value after `\(key):`")
            } else {
                error(.missingKey, map.node, "缺少 \(key) (\(what) needs `\(key)`)", hint: "add `\(key):` to this block")
            }
            return nil
        }
        if case let .scalar(scalar) = value, Self.isNull(value) || Self.trimmed(scalar.string).isEmpty {
            error(.emptyValue, value, "\(key) 不能为空 (`\(key)` of \(what) is empty)", hint: "write the value after `\(key):`")
            return nil
        }
        return value
    }

    /// Warns about keys that look like misspellings of known ones; other
    /// unknown keys are allowed (the content model may be extended freely).
    mutating func checkKeys(_ map: YAMLMap, known: [String]) {
        for entry in map.entries where !known.contains(entry.key) {
            if entry.key.count > 2, let near = known.first(where: { Suggestions.distance($0, entry.key, limit: 2) != nil }) {
                warning(.unknownKey, entry.keyNode, "未知的键 \(entry.key) (unknown key `\(entry.key)`)",
                        hint: "did you mean `\(near)`?")
            }
        }
    }

    // MARK: - Scalars

    /// Keep leading and trailing spaces of text (the interface string table,
    /// where `" ("` and `": "` are meant); content text is trimmed.
    var keepsSpaces = false

    mutating func string(_ node: Node, _ what: String) -> String? {
        guard case let .scalar(scalar) = node else {
            error(.wrongType, node, "\(what) 应为文字 (\(what) must be text, found \(Self.describe(node)))")
            return nil
        }
        if Self.isNull(node) { return nil }
        let text = Self.trimmed(scalar.string)
        if text.isEmpty { return nil }
        return keepsSpaces ? scalar.string : text
    }

    /// Without leading and trailing white space (including U+3000); most
    /// values have none, and are returned as they are without a scan.
    /// `properties.isWhitespace`, answered without the Unicode tables for ASCII (most of what content starts and ends with).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isWhitespace }
        return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)
    }

    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !isWhitespace(first) && !isWhitespace(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    mutating func text(_ node: Node, _ what: String) -> BilingualText? {
        switch node {
        case .scalar:
            return string(node, what).map { BilingualText(zh: $0) }
        case .mapping:
            guard let map = mapping(node, what) else { return nil }
            for entry in map.entries where entry.key != "zh" && entry.key != "en" {
                warning(.unknownLanguage, entry.keyNode, "未知语言 \(entry.key) (only zh and en are used)",
                        hint: "bilingual text is {zh: …, en: …}")
            }
            let zh = map["zh"].flatMap { string($0, "\(what).zh") }
            let en = map["en"].flatMap { string($0, "\(what).en") }
            if zh == nil && en == nil {
                error(.missingKey, node, "\(what) 缺少 zh 或 en (\(what) has neither zh nor en text)")
                return nil
            }
            return BilingualText(zh: zh, en: en)
        default:
            error(.wrongType, node, "\(what) 应为文字 (\(what) must be text or {zh, en}, found \(Self.describe(node)))")
            return nil
        }
    }

    mutating func day(_ node: Node, _ what: String) -> Day? {
        guard let text = string(node, what) else { return nil }
        guard let day = Day(iso: text) else {
            let looksRight = text.count == 10 && text.split(separator: "-").count == 3
            error(.invalidDate, node,
                  looksRight ? "日期不存在 (no such day): \(text)" : "日期格式应为 YYYY-MM-DD (a date is written YYYY-MM-DD): \(text)",
                  hint: looksRight ? "check the month and the day" : "for example 2024-09-10")
            return nil
        }
        return day
    }

    /// A count (ContentNumber.count): digits only, at most 10⁹.
    mutating func int(_ node: Node, _ what: String) -> Int? {
        guard let text = string(node, what) else { return nil }
        switch ContentNumber.count(text) {
        case .success(let value): return value
        case .failure(let failure):
            error(failure == .outOfRange ? .numberOutOfRange : failure == .negative ? .invalidValue : .wrongType, node,
                  ContentNumber.explain(failure, what, text, whole: true))
            return nil
        }
    }

    /// A decimal (ContentNumber.decimal): finite, at most 10¹² in size.
    mutating func number(_ node: Node, _ what: String) -> Double? {
        guard let text = string(node, what) else { return nil }
        switch ContentNumber.decimal(text) {
        case .success(let value): return value
        case .failure(let failure):
            error(failure == .outOfRange ? .numberOutOfRange : .wrongType, node,
                  ContentNumber.explain(failure, what, text, whole: false),
                  hint: failure == .outOfRange ? "numbers in content are at most 10^12 in size" : "for example 98.5")
            return nil
        }
    }

    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        guard let text = string(node, what) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(.wrongType, node, "\(what) 应为 true 或 false (\(what) must be true or false): \(text)")
            return nil
        }
    }

    mutating func identifier(_ node: Node, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        guard IdentifierSyntax.isValid(text) else {
            error(.invalidId, node, "\(what) 格式无效 (invalid id): \(text)",
                  hint: "ids use lowercase ASCII letters, digits and hyphens, e.g. putuo-emergency-bureau")
            return nil
        }
        return text
    }

    mutating func choice<T: RawRepresentable>(_ node: Node, _ what: String, _ type: T.Type,
                                              aliases: [String: T] = [:]) -> T? where T.RawValue == String, T: CaseIterable {
        guard let text = string(node, what) else { return nil }
        let key = text.lowercased()
        if let value = T(rawValue: key) ?? aliases[key] { return value }
        error(.invalidValue, node, "\(what) 的值无效 (invalid \(what)): \(text)",
              hint: "one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        return nil
    }

    mutating func unitReferences(_ node: Node?, _ what: String) -> [UnitReference] {
        guard let node else { return [] }
        return list(node, what).compactMap { item in
            string(item, what).map { UnitReference(written: $0, location: location(item)) }
        }
    }
}
