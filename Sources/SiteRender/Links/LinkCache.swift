import Foundation

/// What `check --external` learnt about http(s) links that answered, kept in a
/// JSON file (`.gen-site/link-cache.json`) so that the next check does not ask
/// again for a week. Only links that worked are kept: one that failed is
/// asked again every time, so a site that comes back is seen at once.
///
///     {"version": 1, "links": {"https://www.mem.gov.cn/": {"checked": "2026-12-01T10:00:00Z", "status": 200}}}
public struct LinkCache: Sendable {
    public struct Entry: Sendable, Codable, Equatable {
        /// When it answered.
        public var checked: Date
        /// The final HTTP status, after redirects.
        public var status: Int
    }

    public static let maximumAge: TimeInterval = 7 * 24 * 3600

    public var entries: [String: Entry] = [:]

    public init() {}

    private struct File: Codable {
        var version: Int
        var links: [String: Entry]
    }

    /// The cache in `path`; an empty one when the file is missing or unreadable (it is only a cache).
    public static func load(_ path: String) -> LinkCache {
        var cache = LinkCache()
        guard let data = FileManager.default.contents(atPath: path) else { return cache }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        if let file = try? decoder.decode(File.self, from: data), file.version == 1 { cache.entries = file.links }
        return cache
    }

    /// A fresh entry for `url` at `now`: checked less than a week before.
    public func fresh(_ url: String, now: Date) -> Entry? {
        guard let entry = entries[url], now.timeIntervalSince(entry.checked) < Self.maximumAge, entry.checked <= now else { return nil }
        return entry
    }

    /// Writes the cache without the entries that have expired at `now`, keys sorted.
    public func save(_ path: String, now: Date) throws {
        let kept = entries.filter { now.timeIntervalSince($0.value.checked) < Self.maximumAge }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(File(version: 1, links: kept))
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
