/// Stable heading anchors: an explicit `{#id}` at the end of a heading wins,
/// otherwise the heading's text made into a slug (letters and digits of any
/// script kept, the rest turned into hyphens). Duplicates get -2, -3…
struct HeadingAnchors {
    private var used: Set<String>

    init(reserved: Set<String>) {
        used = reserved
    }

    /// Splits `Title {#id}` into the title and the id, when the id is well formed.
    static func explicitAnchor(in text: String) -> (text: String, anchor: String)? {
        guard text.hasSuffix("}"), let open = text.range(of: "{#", options: .backwards) else { return nil }
        let anchor = String(text[open.upperBound..<text.index(before: text.endIndex)])
        guard isValidAnchor(anchor) else { return nil }
        var title = String(text[..<open.lowerBound])
        while title.last == " " { title.removeLast() }
        return (title, anchor)
    }

    static func isValidAnchor(_ anchor: String) -> Bool {
        guard let first = anchor.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        return anchor.unicodeScalars.allSatisfy { s in
            s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_" || s == "."
        }
    }

    static func slug(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil && scalar.isASCII || ("0"..."9").contains(scalar) {
                if pendingHyphen && !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "section" : out
    }

    /// A unique anchor for a heading.
    /// The suffix to try next for a slug already taken: the ones below it are
    /// all taken (`used` only grows), so a text with thousands of equal
    /// headings takes linear time, not quadratic.
    private var nextSuffix: [String: Int] = [:]

    mutating func anchor(preferring wanted: String) -> String {
        var candidate = wanted
        var n = nextSuffix[wanted] ?? 2
        if used.contains(candidate) {
            repeat {
                candidate = "\(wanted)-\(n)"
                n += 1
            } while used.contains(candidate)
            nextSuffix[wanted] = n
        }
        used.insert(candidate)
        return candidate
    }
}
