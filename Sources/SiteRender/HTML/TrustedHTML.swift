
/// HTML the generator produced itself (cmark's output, escaped fragments).
/// Only values of this type may be written with `{{{…}}}`, and only under
/// keys ending in `_html`; `{{x}}` on it still escapes.
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
