
/// HTML the generator produced itself (cmark's output, escaped fragments,
/// charts). A template value is HTML (`TemplateValue.html`) only when it is
/// one of these: `{{{…}}}` writes it as it is, `{{x}}` escapes it, and text of
/// any other origin is escaped wherever it is written (docs/templates.md).
public struct TrustedHTML: Sendable, Hashable, CustomStringConvertible {
    public let html: String

    init(_ html: String) {
        self.html = html
    }

    /// Plain text, escaped.
    public init(text: String) {
        self.html = escapeHTML(text)
    }

    public var description: String { html }
}

/// Escapes text for HTML element content and quoted attribute values.
public func escapeHTML(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}
