import Foundation

/// A file of the built site: where it goes, relative to the output folder, and
/// what it holds. Attachments are copied from the content folder by the writer.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case data(Data)
        /// A file of the content folder (path relative to the content root), copied as-is.
        case copy(String)
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
