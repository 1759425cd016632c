/// How the index files are written (and `search.js` reads them).
///
/// Every file is a script that hands its data to the search page,
/// `genSiteSearch.add("<name>",<JSON>);`, so the index loads through
/// `<script>` elements: from a web server and from plain files alike (a page
/// opened from disk may not `fetch`).
///
/// Numbers inside a posting string are variable-length: five bits per
/// character, least significant first; a digit from `final` ends the number,
/// a digit from `more` says more digits follow.
enum SearchEncoding {
    static let final = Array("0123456789ABCDEFGHIJKLMNOPQRSTUV".utf8)
    static let more = Array("WXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    @inline(__always)
    static func append(_ number: Int, to out: inout [UInt8]) {
        precondition(number >= 0, "search numbers are never negative")
        var n = number
        while n >= 32 {
            out.append(more[n & 31])
            n >>= 5
        }
        out.append(final[n])
    }

    /// FNV-1a over the token's UTF-16 code units (as JavaScript sees a string).
    static func hash(_ token: String) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for unit in token.utf16 {
            h ^= UInt32(unit)
            h = h &* 0x0100_0193
        }
        return h
    }

    /// `genSiteSearch.add("name",` + json + `);` and a line feed.
    static func script(_ name: String, json: [UInt8]) -> [UInt8] {
        var out = Array("genSiteSearch.add(\"\(name)\",".utf8)
        out.reserveCapacity(out.count + json.count + 4)
        out.append(contentsOf: json)
        out.append(contentsOf: ");\n".utf8)
        return out
    }

    /// A JSON string literal.
    static func quote(_ text: String, into out: inout [UInt8]) {
        JSONValue.quote(text, into: &out)
    }
}
