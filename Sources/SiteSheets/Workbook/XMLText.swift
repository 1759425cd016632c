/// Text in SpreadsheetML parts: XML escaping, and the `_xHHHH_` escapes that
/// OOXML uses for characters XML 1.0 cannot hold (control characters).
enum XMLText {
    /// Escaped for element content and attribute values (both quote kinds).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A cell's text as OOXML stores it: control characters other than tab and line
    /// feed as `_x0001_`, and a literal `_x0041_` protected as `_x005F_x0041_`.
    static func encodeCellText(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t" && $0 != "\n") || $0 == "_" || $0.value == 0xFFFE || $0.value == 0xFFFF })
        else { return text }
        var out = ""
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if (s.value < 0x20 && s != "\t" && s != "\n") || s.value == 0xFFFE || s.value == 0xFFFF {
                out += "_x" + hex4(s.value) + "_"
            } else if s == "_", escapeLength(scalars, at: i) != nil {
                out += "_x005F_"
            } else {
                out.unicodeScalars.append(s)
            }
            i += 1
        }
        return out
    }

    /// The reverse of `encodeCellText`.
    static func decodeCellText(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = ""
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", let value = escapeLength(scalars, at: i), let scalar = Unicode.Scalar(value) {
                out.unicodeScalars.append(scalar)
                i += 7
            } else {
                out.unicodeScalars.append(scalars[i])
                i += 1
            }
        }
        return out
    }

    /// The value of an `_xHHHH_` escape starting at `i`.
    private static func escapeLength(_ scalars: [Unicode.Scalar], at i: Int) -> UInt32? {
        guard i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_" else { return nil }
        var value: UInt32 = 0
        for s in scalars[(i + 2)...(i + 5)] {
            guard let digit = hexDigit(s) else { return nil }
            value = value * 16 + digit
        }
        return value
    }

    private static func hexDigit(_ s: Unicode.Scalar) -> UInt32? {
        switch s {
        case "0"..."9": s.value - 48
        case "A"..."F": s.value - 55
        case "a"..."f": s.value - 87
        default: nil
        }
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Characters XML 1.0 allows in attribute values after escaping (prompts, sheet names).
    static func attributeSafe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" }))
    }
}
