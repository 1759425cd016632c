/// Scalars as gen-site writes content YAML: double-quoted text, `|-` blocks for
/// Markdown with line breaks, bilingual text as `{zh: "…", en: "…"}`. Used by
/// the plan importer and the spreadsheet imports alike.
public enum YAMLText {
    /// A double-quoted scalar; any text round-trips.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    out += "\\u" + hex(scalar.value, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `{zh: "…", en: "…"}`, or `"…"` when there is only Chinese.
    public static func inline(_ zh: String?, _ en: String?) -> String {
        switch (zh, en) {
        case let (zh?, en?): "{zh: \(quote(zh)), en: \(quote(en))}"
        case let (zh?, nil): quote(zh)
        case let (nil, en?): "{en: \(quote(en))}"
        case (nil, nil): "\"\""
        }
    }

    /// A literal block (`|-`), when the text can be one: no trailing spaces on a line, no
    /// leading spaces on its first line, no tabs or control characters; else nil.
    public static func block(_ text: String, indent: String) -> String? {
        guard !text.isEmpty, text.first?.isWhitespace == false,
              !text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || $0.value == 0xFEFF || $0.value == 0x2028 || $0.value == 0x2029 || (0x80...0x9F).contains($0.value) })
        else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.allSatisfy({ $0.last.map { !$0.isWhitespace } ?? true }), lines.last?.isEmpty == false else { return nil }
        return "|-\n" + lines.map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
    }

    /// A key's bilingual value: inline on one line when neither language breaks lines,
    /// else `zh: |-` and `en: |-` blocks under the key.
    public static func bilingual(_ key: String, _ zh: String?, _ en: String?, indent: String) -> String {
        let multiline = (zh?.contains("\n") ?? false) || (en?.contains("\n") ?? false)
        guard multiline else { return "\(indent)\(key): \(inline(zh, en))" }
        var lines = ["\(indent)\(key):"]
        for (language, text) in [("zh", zh), ("en", en)] {
            guard let text else { continue }
            if let block = block(text, indent: indent + "    ") {
                lines.append("\(indent)  \(language): \(block)")
            } else {
                lines.append("\(indent)  \(language): \(quote(text))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A task number: bare when it is a number, quoted when it is a code such as `2-1`.
    public static func taskNumber(_ number: String) -> String {
        number.allSatisfy({ $0.isASCII && $0.isNumber }) && !number.isEmpty ? number : quote(number)
    }
}
