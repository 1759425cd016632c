import SiteModel
#if canImport(Glibc)
import Glibc
#endif

/// The content and theme files as the preview last saw them: each file's size and
/// modification time (to the nanosecond) by path, every folder (for the watcher)
/// and the content folder's link problems. Made by a walk of every folder
/// (`PreviewBuilder.scan`), then kept up to date from the paths the watcher names
/// (`updated(at:)`), one `lstat` each.
public struct PreviewFiles: Sendable, Equatable {
    /// Path (the root as given, then the relative path) → "size-seconds.nanoseconds".
    public var files: [String: String] = [:]
    public var folders: [String] = []
    /// The content folder's link problems (its templates/ aside, which the theme's loader reports).
    public var problems: [FolderWalker.Problem] = []

    public init(files: [String: String] = [:], folders: [String] = [], problems: [FolderWalker.Problem] = []) {
        self.files = files
        self.folders = folders
        self.problems = problems
    }

    static func fingerprint(size: Int, modified: timespec) -> String {
        "\(size)-\(modified.tv_sec).\(modified.tv_nsec)"
    }

    /// These files after a change at `paths` (files or folders the watcher named): a file written,
    /// created, renamed into place or deleted is read with one `lstat`. Nil when only a walk can
    /// tell (a folder or a link came or went, a path with a link problem, anything that is not a
    /// regular file): the caller walks everything. With the paths whose entry changed.
    public func updated(at paths: Set<String>) -> (files: PreviewFiles, changed: Set<String>)? {
        var next = self
        var changed = Set<String>()
        let folderSet = Set(folders)
        let problemPaths = problems.map(\.path)
        for path in paths.sorted() {
            if folderSet.contains(path) { return nil }
            if problemPaths.contains(where: { path.hasSuffix("/" + $0) }) { return nil }
            var info = stat()
            guard lstat(path, &info) == 0 else {
                guard errno == ENOENT || errno == ENOTDIR else { return nil }
                if next.files.removeValue(forKey: path) != nil { changed.insert(path) }
                continue
            }
            guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            let print = Self.fingerprint(size: Int(info.st_size), modified: info.st_mtim)
            if next.files.updateValue(print, forKey: path) != print { changed.insert(path) }
        }
        return (next, changed)
    }

    /// The paths whose entry differs between `self` and `other` (changed, added or removed).
    public func changedFiles(since other: PreviewFiles) -> Set<String> {
        var changed = Set<String>()
        for (path, print) in files where other.files[path] != print { changed.insert(path) }
        for path in other.files.keys where files[path] == nil { changed.insert(path) }
        return changed
    }
}
