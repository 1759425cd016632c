import Foundation

/// A file of the built site: where it goes, relative to the output folder, and
/// what it holds. Attachments are copied from the content folder by the writer.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case data(Data)
        /// A file of the content folder (path relative to the content root), copied as-is.
        case copy(String)
        /// Made while it is written, piece by piece: `produce` hands each piece to the closure
        /// it is given, in order. For files too large to hold whole beside the site (the open
        /// data of a million statistics rows runs to 180 MB of JSON).
        case streamed(@Sendable (_ emit: (UnsafeRawBufferPointer) -> Void) -> Void)
        /// Made when it is written (or its bytes are asked for), then compared and written as `data`:
        /// the site-wide files (sitemap, feeds, open data) are made on the threads that render the
        /// pages, one or two at a time, instead of all of them being held from before the first page.
        case made(@Sendable () -> Data)
    }

    /// The bytes, for files made in memory (`data` or `streamed`); nil for a copy of a content file.
    public var madeBytes: Data? {
        switch contents {
        case .data(let data): return data
        case .made(let make): return make()
        case .copy: return nil
        case .streamed(let produce):
            var data = Data()
            produce { data.append(contentsOf: $0) }
            return data
        }
    }

    public var path: String
    public var contents: Contents

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: .data(Data(text.utf8)))
    }

    public init(path: String, bytes: [UInt8]) {
        self.init(path: path, contents: .data(Data(bytes)))
    }

    /// True for a path that stays inside the output folder: relative, no `..`,
    /// no empty or hidden segments, no backslashes.
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { segment in
            !segment.isEmpty && segment != "." && segment != ".." && !segment.hasPrefix(".")
        }
    }
}
