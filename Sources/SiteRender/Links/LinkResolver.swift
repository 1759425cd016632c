/// Resolves a link the way a browser does (RFC 3986 §5) from the page it is
/// on, whose address is the site's base URL and the page's path, and says
/// where inside the site it leads: a site-relative path and a fragment.
struct LinkResolver: Sendable {
    /// What a link on a page leads to.
    enum Target: Equatable {
        /// A place in the site: a path relative to the site root (percent-decoded, `""` for the home page) and a fragment.
        case site(path: String, fragment: String?)
        /// An http(s) address of another site.
        case external(String)
        /// Out of the site's folder: a relative link climbing above the site root, or a root-relative
        /// or full address outside base_url's path. `resolved` is the path from the host's root.
        case outside(resolved: String)
        /// A `file:` link: a file on the author's computer, which no reader has.
        case localFile
        /// Not a place to check: `tel:`, `mailto:`, an empty link.
        case ignored
    }

    /// `https://host` of base_url, lowercased.
    let origin: String
    /// base_url's path, starting and ending with `/`.
    let basePath: String

    init(baseURL: String) {
        var url = baseURL
        if !url.hasSuffix("/") { url += "/" }
        if let schemeEnd = url.range(of: "://") {
            let rest = url[schemeEnd.upperBound...]
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            origin = String(url[..<slash]).lowercased()
            basePath = slash == rest.endIndex ? "/" : String(rest[slash...])
        } else {
            origin = ""
            basePath = "/"
        }
    }

    /// Where `href`, found on the page at site path `page` (a folder ending in `/`, or a file), leads.
    func resolve(_ href: String, from page: String) -> Target {
        if let target = Self.resolveRelative(href, from: page) { return target }
        var reference = Substring(href)
        // The fragment and query first: neither takes part in the path.
        var fragment: String?
        if let hash = reference.firstIndex(of: "#") {
            fragment = String(reference[reference.index(after: hash)...])
            reference = reference[..<hash]
        }
        if let question = reference.firstIndex(of: "?") { reference = reference[..<question] }

        let absolutePath: String
        if let scheme = Self.scheme(of: reference) {
            if scheme == "file" { return .localFile }
            guard scheme == "http" || scheme == "https" else { return .ignored }
            // This site's host, by http or https (a server sends one to the other).
            let lowered = href.lowercased()
            let host = origin.drop { $0 != ":" }
            let rest = lowered.drop { $0 != ":" }
            guard !origin.isEmpty, rest.hasPrefix(host + "/") || rest == host else { return .external(href) }
            absolutePath = String(reference.dropFirst(scheme.count + host.count))
        } else if reference.hasPrefix("//") {
            // Network-path reference: another host, or ours.
            let scheme = origin.hasPrefix("https:") ? "https:" : "http:"
            return resolve(scheme + href, from: page)
        } else if reference.hasPrefix("/") {
            absolutePath = String(reference)
        } else if reference.isEmpty {
            // `#x` or `?q`: this page.
            return .site(path: Self.percentDecoded(page), fragment: fragment.map(Self.percentDecoded))
        } else {
            let folder = page.lastIndex(of: "/").map { String(page[...$0]) } ?? ""
            absolutePath = basePath + folder + reference
        }
        let path = Self.removingDotSegments(absolutePath.isEmpty ? "/" : absolutePath)
        guard path.hasPrefix(basePath) else {
            // `https://host/base` without its last slash is the site's root too.
            if path + "/" == basePath { return .site(path: "", fragment: fragment.map(Self.percentDecoded)) }
            return .outside(resolved: path)
        }
        return .site(path: Self.percentDecoded(String(path.dropFirst(basePath.count))), fragment: fragment.map(Self.percentDecoded))
    }

    /// The links templates make, by one scan of their bytes: a relative path of `../` and plain
    /// segments (`../../units/x/`, `tasks/3/#remarks`) from a page less deep than its `../` climb.
    /// Nil for anything else (a scheme, `/`, `%`, `?`, `./` or `..` inside it), which `resolve` reads in full.
    static func resolveRelative(_ href: String, from page: String) -> Target? {
        let bytes = href.utf8
        guard let first = bytes.first, first != UInt8(ascii: "/"), first != UInt8(ascii: "#"), first != UInt8(ascii: "?") else { return nil }
        // The fragment apart; nothing before it may need more than this scan.
        var end = bytes.endIndex
        var fragment: String?
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            end = hash
            fragment = String(href[bytes.index(after: hash)...])
            if fragment?.utf8.contains(UInt8(ascii: "%")) == true { return nil }
        }
        // Leading `../`.
        var index = bytes.startIndex
        var ups = 0
        while bytes.distance(from: index, to: end) >= 3, bytes[index] == UInt8(ascii: "."),
              bytes[bytes.index(after: index)] == UInt8(ascii: "."), bytes[bytes.index(index, offsetBy: 2)] == UInt8(ascii: "/") {
            ups += 1
            index = bytes.index(index, offsetBy: 3)
        }
        // The rest: plain segments only.
        var segmentStart = true
        var position = index
        while position < end {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: ":"), UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "\\"): return nil
            case UInt8(ascii: "."): if segmentStart { return nil }
            default: break
            }
            segmentStart = byte == UInt8(ascii: "/")
            position = bytes.index(after: position)
        }
        // The page's folder, less one segment per `../`.
        let folder = page.utf8
        var keep = folder.endIndex
        if let lastSlash = folder.lastIndex(of: UInt8(ascii: "/")) { keep = folder.index(after: lastSlash) } else { keep = folder.startIndex }
        for _ in 0..<ups {
            guard keep > folder.startIndex else { return nil }
            let before = folder.index(before: keep)
            keep = folder[..<before].lastIndex(of: UInt8(ascii: "/")).map { folder.index(after: $0) } ?? folder.startIndex
        }
        let path = String(page[..<keep]) + String(href[index..<end])
        return .site(path: path, fragment: fragment)
    }

    /// The scheme of an absolute URL, lowercased (`HTTPS:` → https); nil for a relative reference.
    static func scheme(of reference: Substring) -> String? {
        guard let first = reference.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return nil }
        for (offset, scalar) in reference.unicodeScalars.enumerated() {
            if scalar == ":" { return offset == 0 ? nil : String(reference.prefix(offset)).lowercased() }
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar) else {
                return nil
            }
        }
        return nil
    }

    /// RFC 3986 §5.2.4: `.` and `..` segments removed; `..` above the root stays at the root, as browsers do.
    static func removingDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        var trailingSlash = false
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                trailingSlash = isLast
            case "..":
                if !output.isEmpty { output.removeLast() }
                trailingSlash = isLast
            default:
                output.append(segment)
                trailingSlash = false
            }
        }
        return "/" + output.joined(separator: "/") + (trailingSlash && !output.isEmpty ? "/" : "")
    }

    /// `%E9%99%84` → 附; malformed escapes and escapes that do not make UTF-8 are left as written.
    static func percentDecoded(_ text: String) -> String {
        guard text.utf8Contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let high = hex(utf8[utf8.startIndex]), let low = hex(utf8[utf8.startIndex + 1]) {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? text
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
