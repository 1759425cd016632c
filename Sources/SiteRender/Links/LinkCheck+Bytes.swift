/// The link check's fast path: the links templates make by the ten thousand
/// (`../../units/x/`, `#main`, `https://site/plans/p/`) judged on the page's
/// bytes, without making a string, against the output's paths kept as 64-bit
/// hashes. Anything else — a link that is not found, `%`, `?`, `&amp;`, `./`, a
/// scheme, a draft anywhere in the site — is left to `LinkResolver`, which
/// reads it in full and says what is wrong.
///
/// Two paths with one hash would make a missing one look present; with 64
/// bits and a hundred thousand paths that is about one chance in 10^9 per
/// broken link.
struct PathHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { add(byte) }
    }

    @inline(__always) mutating func add(_ byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x100_0000_01b3
    }

    static func of(_ text: String) -> UInt64 {
        var hash = PathHash()
        for byte in text.utf8 { hash.add(byte) }
        return hash.value
    }
}

/// The output's paths as hashes: every file, and every page's folder (`plans/x/` for
/// `plans/x/index.html`, `""` for the home page).
struct PathTable: Sendable {
    let files: Set<UInt64>
    let folders: Set<UInt64>

    init(_ paths: Set<String>) {
        files = Set(paths.map(PathHash.of))
        folders = Set(paths.compactMap { path in
            path == "index.html" ? PathHash.of("") : path.hasSuffix("/index.html") ? PathHash.of(String(path.dropLast("index.html".count))) : nil
        })
    }
}

extension LinkCheck {
    enum FastVerdict {
        /// Leads to a page or file, and to its anchor if it names one on this page.
        case fine
        /// Leads to a page, to an anchor judged once every page is scanned.
        case deferred(target: String, fragment: String)
        /// Not judged here.
        case unknown
    }

    /// The page a fast judgement is made on.
    struct FastPage {
        /// The page's folder (`en/plans/p/tasks/3/`), as bytes.
        var folder: UnsafeBufferPointer<UInt8>
        var folderHash: UInt64
        var ids: [String]
        /// `https://host/base/`, as bytes.
        var siteURL: UnsafeBufferPointer<UInt8>
    }

    func fastJudge(_ value: UnsafeBufferPointer<UInt8>, on page: FastPage) -> FastVerdict {
        guard !value.isEmpty else { return .unknown }
        let hash = value.firstIndex(of: UInt8(ascii: "#")) ?? value.endIndex
        let fragment = UnsafeBufferPointer(rebasing: value[min(hash + 1, value.endIndex)...])
        if hash == 0 {
            return Self.fragmentIsFine(fragment, ids: page.ids) ? .fine : .unknown
        }
        var rest = UnsafeBufferPointer(rebasing: value[..<hash])
        var keep = 0   // bytes of the page's folder the link keeps
        if !page.siteURL.isEmpty, rest.starts(with: page.siteURL) {
            rest = UnsafeBufferPointer(rebasing: rest[page.siteURL.count...])
        } else {
            guard rest[0] != UInt8(ascii: "/"), rest[0] != UInt8(ascii: "?") else { return .unknown }
            keep = page.folder.count
            var index = 0
            while index + 3 <= rest.count, rest[index] == UInt8(ascii: "."), rest[index + 1] == UInt8(ascii: "."), rest[index + 2] == UInt8(ascii: "/") {
                // One folder up: back to the slash before the last one kept.
                guard keep > 0 else { return .unknown }
                keep -= 1
                while keep > 0, page.folder[keep - 1] != UInt8(ascii: "/") { keep -= 1 }
                index += 3
            }
            rest = UnsafeBufferPointer(rebasing: rest[index...])
        }
        // Plain segments only.
        var segmentStart = true
        for byte in rest {
            switch byte {
            case UInt8(ascii: ":"), UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "\\"): return .unknown
            case UInt8(ascii: "."): if segmentStart { return .unknown }
            default: break
            }
            segmentStart = byte == UInt8(ascii: "/")
        }
        var path = PathHash()
        path.add(UnsafeBufferPointer(rebasing: page.folder[..<keep]))
        path.add(rest)
        let isFolder = rest.isEmpty || rest.last == UInt8(ascii: "/")
        var isPage: Bool
        var folderHash: UInt64?
        if isFolder {
            guard paths.folders.contains(path.value) else { return .unknown }
            isPage = true
            folderHash = path.value
        } else if paths.files.contains(path.value) {
            isPage = rest.count >= 5 && rest[(rest.count - 5)...].elementsEqual(".html".utf8)
        } else {
            // A folder without its last slash.
            var slashed = path
            slashed.add(UInt8(ascii: "/"))
            guard paths.folders.contains(slashed.value) else { return .unknown }
            isPage = true
            folderHash = slashed.value
        }
        guard hash < value.count, isPage, !fragment.isEmpty, !Self.isTop(fragment) else { return .fine }
        if folderHash == page.folderHash {
            return Self.fragmentIsFine(fragment, ids: page.ids) ? .fine : .unknown
        }
        guard !fragment.contains(UInt8(ascii: "%")) else { return .unknown }
        var target = String(decoding: UnsafeBufferPointer(rebasing: page.folder[..<keep]), as: UTF8.self) + String(decoding: rest, as: UTF8.self)
        if isFolder { target += "index.html" } else if folderHash != nil { target += "/index.html" }
        return .deferred(target: target, fragment: String(decoding: fragment, as: UTF8.self))
    }

    static func isTop(_ fragment: UnsafeBufferPointer<UInt8>) -> Bool {
        fragment.count == 3 && (fragment[0] | 0x20) == UInt8(ascii: "t") && (fragment[1] | 0x20) == UInt8(ascii: "o") && (fragment[2] | 0x20) == UInt8(ascii: "p")
    }

    /// An empty fragment, `#top`, or an id of the page (written without `%`-escapes).
    static func fragmentIsFine(_ fragment: UnsafeBufferPointer<UInt8>, ids: [String]) -> Bool {
        if fragment.isEmpty || isTop(fragment) { return true }
        return ids.contains { $0.utf8.elementsEqual(fragment) }
    }
}
