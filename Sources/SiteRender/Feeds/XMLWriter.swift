/// Builds XML text with every text and attribute value escaped, as bytes (the sitemap of a
/// 20,000-page site is 6 MB: made by joining strings, it was a thirtieth of a build).
struct XMLWriter {
    private var bytes: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
    private var open: [String] = []

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func start(_ name: String, _ attributes: [(String, String)] = []) {
        indent()
        append("<", name)
        append(attributes)
        append(">\n")
        open.append(name)
    }

    mutating func end() {
        guard let name = open.popLast() else { return }
        indent()
        append("</", name, ">\n")
    }

    mutating func element(_ name: String, _ value: String, _ attributes: [(String, String)] = []) {
        indent()
        append("<", name)
        append(attributes)
        append(">")
        Self.appendEscaped(value, to: &bytes)
        append("</", name, ">\n")
    }

    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        indent()
        append("<", name)
        append(attributes)
        append("/>\n")
    }

    private mutating func indent() {
        for _ in 0..<open.count { bytes.append(UInt8(ascii: " ")); bytes.append(UInt8(ascii: " ")) }
    }

    private mutating func append(_ parts: String...) {
        for part in parts { bytes.append(contentsOf: part.utf8) }
    }

    private mutating func append(_ attributes: [(String, String)]) {
        for (name, value) in attributes {
            append(" ", name, "=\"")
            Self.appendEscaped(value, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// `& < > " '` as references; the control characters XML 1.0 forbids dropped. All of them are
    /// ASCII, so the UTF-8 bytes are read one by one (no byte of a longer character is below 0x80).
    static func appendEscaped(_ value: String, to out: inout [UInt8]) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&apos;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case ..<0x20: continue
            default: out.append(byte)
            }
        }
    }
}
