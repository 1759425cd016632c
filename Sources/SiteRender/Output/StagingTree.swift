import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A folder tree as it is on disk, read without following symbolic links:
/// the writer brings the previous build's tree into the shape of the new one
/// (removing what is not wanted, making missing folders) instead of deleting
/// it and writing a new tree from nothing.
struct StagingTree {
    /// Relative paths of folders, files and anything else (symbolic links, sockets…), which is
    /// always removed.
    var folders: Set<String> = []
    var files: Set<String> = []
    var others: [String] = []

    /// Reads `root` recursively; a folder that cannot be read counts as empty. Top-level
    /// entries the writer keeps (`SiteWriter.isKept`: .git, CNAME, its own mark) are not part
    /// of the tree: they are neither read nor removed.
    static func scan(_ root: String) -> StagingTree {
        var tree = StagingTree()
        tree.scan(root, relative: "")
        return tree
    }

    private mutating func scan(_ root: String, relative: String) {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        var children: [(String, Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard name != ".", name != ".." else { continue }
            if relative.isEmpty && (SiteWriter.isKept(name) || name == SiteWriter.markName) { continue }
            let child = relative.isEmpty ? name : relative + "/" + name
            // The kind as the folder's entry says it (no lstat of each of 20,000 files); asked only
            // of a file system that does not say.
            var kind = Int32(entry.pointee.d_type)
            if kind == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(root + "/" + child, &info) == 0 else { others.append(child); continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: kind = Int32(DT_DIR)
                case S_IFREG: kind = Int32(DT_REG)
                default: kind = Int32(DT_LNK)
                }
            }
            switch kind {
            case Int32(DT_DIR): folders.insert(child); children.append((child, true))
            case Int32(DT_REG): files.insert(child)
            default: others.append(child)
            }
        }
        for (child, isFolder) in children where isFolder { scan(root, relative: child) }
    }

    /// Removes from disk everything that is not one of `keepFiles` or
    /// `keepFolders`, deepest first; afterwards `files` holds what is left.
    mutating func prune(root: String, keepFiles: Set<String>, keepFolders: Set<String>) throws(SiteWriter.Failure) {
        for other in others where unlink(root + "/" + other) != 0 && errno != ENOENT {
            throw .io("cannot remove \(root)/\(other): \(String(cString: strerror(errno)))")
        }
        others = []
        for file in files.subtracting(keepFiles) {
            guard unlink(root + "/" + file) == 0 || errno == ENOENT else {
                throw .io("cannot remove \(root)/\(file): \(String(cString: strerror(errno)))")
            }
            files.remove(file)
        }
        let unwanted = folders.subtracting(keepFolders).sorted { $0.count > $1.count }
        for folder in unwanted {
            guard rmdir(root + "/" + folder) == 0 || errno == ENOENT else {
                throw .io("cannot remove \(root)/\(folder): \(String(cString: strerror(errno)))")
            }
            folders.remove(folder)
        }
    }
}
