import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one rule for every folder gen-site walks (the content folder, a site's
/// own `templates/`, the default theme; in build, check and serve alike): one
/// `lstat` per entry, hidden entries skipped, and a symbolic link followed only
/// while its real path stays inside the boundary folder. A folder is entered
/// once: a link back to a folder already on the way (a loop) is reported, not
/// walked again. What is not followed is a `Problem` with the link's path.
public struct FolderWalker {
    public enum Kind: Sendable, Equatable { case file, directory, other }

    public struct Entry: Sendable, Equatable {
        /// Relative to the walked root.
        public var path: String
        public var kind: Kind
        public var size: Int
        /// Modification time, to the nanosecond (for the preview's change detection).
        public var modified: timespec
        /// True when the entry was reached through a symbolic link.
        public var throughLink: Bool

        public static func == (a: Entry, b: Entry) -> Bool {
            a.path == b.path && a.kind == b.kind && a.size == b.size && a.modified.tv_sec == b.modified.tv_sec
                && a.modified.tv_nsec == b.modified.tv_nsec && a.throughLink == b.throughLink
        }
    }

    public enum Problem: Sendable, Equatable {
        /// A link whose target lies outside the boundary.
        case outside(String)
        /// A link to a folder that is already on the way to it.
        case loop(String)
        /// A link to nothing.
        case broken(String)
        /// The walk stopped at `maximumEntries` in this folder.
        case tooMany(String)

        public var path: String {
            switch self { case .outside(let path), .loop(let path), .broken(let path), .tooMany(let path): path }
        }

        /// The diagnostic for it, at the link (relative path shown as `prefix` + path).
        public func diagnostic(prefix: String) -> Diagnostic {
            let at = SourceLocation(file: prefix + path)
            switch self {
            case .outside:
                return .error(.outsideContent, at: at, "链接指向内容目录之外 (a symbolic link leads outside the folder)",
                              hint: "gen-site does not follow links out of the content folder; copy the file in instead")
            case .loop:
                return .error(.symlinkLoop, at: at, "符号链接形成循环 (a symbolic link leads back to a folder that contains it)",
                              hint: "remove the link; a folder cannot contain itself")
            case .broken:
                return .warning(.brokenLink, at: at, "符号链接指向不存在的文件 (a symbolic link to nothing)",
                                hint: "remove the link or restore what it points to")
            case .tooMany:
                return .error(.tooManyFiles, at: at, "文件过多 (more than \(FolderWalker.maximumEntries) files and folders)",
                              hint: "links that lead to the same folders many times over multiply what is walked")
            }
        }
    }

    /// At most this many entries are walked (a content folder for 20,000 pages has about 12,000).
    public static let maximumEntries = 200_000

    /// Walks `root`, following links only to real paths inside `boundary` (default: `root`).
    /// Entries come in a stable order (names sorted in each folder).
    public static func walk(_ root: String, boundary: String? = nil, skipping: Set<String> = []) -> (entries: [Entry], problems: [Problem]) {
        let realBoundary = realPath(boundary ?? root) ?? (boundary ?? root)
        var entries: [Entry] = []
        var problems: [Problem] = []
        var info = stat()
        guard stat(root, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return ([], []) }
        var onTheWay: [(dev_t, ino_t)] = [(info.st_dev, info.st_ino)]
        walk(root, relative: "", boundary: realBoundary, throughLink: false, skipping: skipping, onTheWay: &onTheWay,
             entries: &entries, problems: &problems)
        return (entries, problems)
    }

    private static func walk(_ folder: String, relative: String, boundary: String, throughLink: Bool, skipping: Set<String> = [],
                             onTheWay: inout [(dev_t, ino_t)],
                             entries: inout [Entry], problems: inout [Problem]) {
        guard let directory = opendir(folder) else { return }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if !name.hasPrefix("."), !skipping.contains(name) { names.append(name) }
        }
        closedir(directory)
        for name in names.sorted() {
            guard entries.count < maximumEntries else {
                if problems.last != .tooMany(relative) { problems.append(.tooMany(relative)) }
                return
            }
            let path = folder + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            var viaLink = throughLink
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard stat(path, &info) == 0 else { problems.append(.broken(childRelative)); continue }
                guard let real = realPath(path), real == boundary || real.hasPrefix(boundary.hasSuffix("/") ? boundary : boundary + "/") else {
                    problems.append(.outside(childRelative))
                    continue
                }
                viaLink = true
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if onTheWay.contains(where: { $0.0 == info.st_dev && $0.1 == info.st_ino }) {
                    problems.append(.loop(childRelative))
                    continue
                }
                entries.append(Entry(path: childRelative, kind: .directory, size: 0, modified: info.st_mtim, throughLink: viaLink))
                onTheWay.append((info.st_dev, info.st_ino))
                walk(path, relative: childRelative, boundary: boundary, throughLink: viaLink, onTheWay: &onTheWay,
                     entries: &entries, problems: &problems)
                onTheWay.removeLast()
            case S_IFREG:
                entries.append(Entry(path: childRelative, kind: .file, size: Int(info.st_size), modified: info.st_mtim, throughLink: viaLink))
            default:
                entries.append(Entry(path: childRelative, kind: .other, size: 0, modified: info.st_mtim, throughLink: viaLink))
            }
        }
    }

    /// realpath(3), or nil.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
