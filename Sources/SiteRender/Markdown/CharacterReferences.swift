import SiteModel

/// Numeric character references (`&#1;`, `&#x1B;`, `&#xFFFE;`) that cmark-gfm would decode into a
/// control character or a noncharacter, which no page or feed may hold (the file's own bytes are
/// checked when it is read; a reference writes such a character where the bytes do not show it).
/// Found with their lines and columns before cmark parses the text; the renderer replaces what
/// they decode to in the text nodes (not in code, where a reference stays as written).
enum CharacterReferences {
    struct Found: Equatable {
        var line: Int
        /// In Unicode scalars, 1-based.
        var column: Int
        var value: UInt32
    }

    static func find(in text: String) -> [Found] {
        guard text.utf8Contains(UInt8(ascii: "&")) else { return [] }
        let bytes = Array(text.utf8)
        var found: [Found] = []
        var line = 1, lineStart = 0, index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1; lineStart = index + 1; index += 1; continue }
            guard byte == UInt8(ascii: "&"), index + 2 < count, bytes[index + 1] == UInt8(ascii: "#") else { index += 1; continue }
            // CommonMark: &#[0-9]{1,7}; or &#[xX][0-9a-fA-F]{1,6};
            var cursor = index + 2
            let hex = bytes[cursor] == UInt8(ascii: "x") || bytes[cursor] == UInt8(ascii: "X")
            if hex { cursor += 1 }
            let digitsStart = cursor
            var value: UInt32 = 0
            while cursor < count, cursor - digitsStart < (hex ? 6 : 7), let digit = Self.digit(bytes[cursor], hex: hex) {
                value = value * (hex ? 16 : 10) + digit
                cursor += 1
            }
            guard cursor > digitsStart, cursor < count, bytes[cursor] == UInt8(ascii: ";") else { index += 1; continue }
            if TextDecoding.isForbidden(value) {
                var column = 1
                for j in lineStart..<index where bytes[j] & 0xC0 != 0x80 { column += 1 }
                found.append(Found(line: line, column: column, value: value))
            }
            index = cursor + 1
        }
        return found
    }

    /// `literal` with every forbidden character replaced by U+FFFD, and how many were; nil when
    /// it has none.
    static func replacingForbidden(in literal: String) -> (String, Int)? {
        guard literal.unicodeScalars.contains(where: { TextDecoding.isForbidden($0.value) }) else { return nil }
        var out = String.UnicodeScalarView()
        var replaced = 0
        for scalar in literal.unicodeScalars {
            if TextDecoding.isForbidden(scalar.value) { out.append("\u{FFFD}"); replaced += 1 } else { out.append(scalar) }
        }
        return (String(out), replaced)
    }

    static func digit(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
