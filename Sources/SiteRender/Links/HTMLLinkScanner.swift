#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The links and ids of one rendered page, read from its bytes: every
/// `href`, `src` and `action` attribute (where its value stands) and every
/// `id` (its text, character references decoded). Our templates and cmark-gfm quote every
/// attribute, and text from content is escaped (`"` is `&quot;`), so an
/// `attribute="` in the bytes is always an attribute.
struct HTMLLinks: Sendable {
    enum Attribute: Sendable, Hashable {
        case href, src, action
    }

    /// An attribute value as it stands in the page's bytes.
    struct Reference: Sendable, Hashable {
        var attribute: Attribute
        /// Its bytes, `start..<end` of the page.
        var start: Int
        var end: Int
        /// Whether it holds a character reference (`&amp;`) to decode.
        var hasReferences: Bool
    }

    var references: [Reference] = []
    var ids: [String] = []

    /// A reference's text, character references decoded.
    static func value(_ reference: Reference, in bytes: UnsafeRawBufferPointer) -> String {
        let value = UnsafeBufferPointer(rebasing: bytes.assumingMemoryBound(to: UInt8.self)[reference.start..<reference.end])
        return reference.hasReferences ? decodeReferences(value) : String(decoding: value, as: UTF8.self)
    }

    static func scan(_ bytes: UnsafeRawBufferPointer) -> HTMLLinks {
        var links = HTMLLinks()
        links.references.reserveCapacity(64)
        links.ids.reserveCapacity(16)
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return links }
        let count = bytes.count
        var position = 0
        while position < count, let found = memchr(base + position, Int32(UInt8(ascii: "=")), count - position) {
            let equals = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            position = equals + 1
            guard equals + 1 < count else { break }
            let quote = base[equals + 1]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
            // The attribute's name: letters before `=`, after a space.
            var nameStart = equals
            while nameStart > 0, isNameByte(base[nameStart - 1]) { nameStart -= 1 }
            let nameLength = equals - nameStart
            guard nameLength >= 2, nameLength <= 6, nameStart > 0, isSpace(base[nameStart - 1]) else { continue }
            let kind: Kind
            if matches(base + nameStart, nameLength, "href") { kind = .reference(.href) }
            else if matches(base + nameStart, nameLength, "src") { kind = .reference(.src) }
            else if matches(base + nameStart, nameLength, "id") { kind = .id }
            else if matches(base + nameStart, nameLength, "action") { kind = .reference(.action) }
            else { continue }
            let valueStart = equals + 2
            guard valueStart <= count, let close = memchr(base + valueStart, Int32(quote), count - valueStart) else { break }
            let valueEnd = base.distance(to: close.assumingMemoryBound(to: UInt8.self))
            let value = UnsafeBufferPointer(start: base + valueStart, count: valueEnd - valueStart)
            switch kind {
            case .id:
                links.ids.append(decodeReferences(value))
            case .reference(let attribute):
                links.references.append(Reference(attribute: attribute, start: valueStart, end: valueEnd,
                                                  hasReferences: value.contains(UInt8(ascii: "&"))))
            }
            position = valueEnd + 1
        }
        return links
    }

    private enum Kind {
        case id
        case reference(Attribute)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || byte == UInt8(ascii: "-")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// Case-insensitive comparison with an ASCII lowercase name.
    private static func matches(_ bytes: UnsafePointer<UInt8>, _ length: Int, _ name: StaticString) -> Bool {
        guard length == name.utf8CodeUnitCount else { return false }
        let expected = name.utf8Start
        for index in 0..<length where bytes[index] | 0x20 != expected[index] { return false }
        return true
    }

    /// The attribute value's text: `&amp;` `&quot;` `&#39;` `&#x27;` `&lt;` `&gt;` and numeric references decoded.
    static func decodeReferences(_ value: UnsafeBufferPointer<UInt8>) -> String {
        guard value.contains(UInt8(ascii: "&")) else { return String(decoding: value, as: UTF8.self) }
        let text = String(decoding: value, as: UTF8.self)
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = rest.dropFirst()
                continue
            }
            let name = rest[rest.index(after: rest.startIndex)..<semicolon]
            var decoded: String?
            switch name {
            case "amp": decoded = "&"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                    decoded = String(scalar)
                } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                    decoded = String(scalar)
                }
            }
            if let decoded {
                out += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                out += "&"
                rest = rest.dropFirst()
            }
        }
        out += rest
        return out
    }
}
