#if canImport(Glibc)
import Glibc
#endif

extension LoadedContent {
    /// This content with the text files at `paths` (relative to the root) read again: the
    /// preview's load after a save, when the watcher knows which files were written. Nil unless
    /// each is a file this content read cleanly, is still a regular file (not a link), and reads
    /// cleanly again — anything else (a file that came or went, a warning, an attachment) is
    /// for a full load to say. Files under `templates/`, which the load does not read, are passed over.
    /// The caller vouches that no folder and no link changed since this content was loaded
    /// (the same files exist, in the same folders), which is what makes the rest of it still true.
    func rereading(_ paths: Set<String>) -> LoadedContent? {
        var next = self
        for relative in paths.sorted() where !relative.hasPrefix("templates/") {
            guard cleanFiles[relative] != nil else { return nil }
            let path = root.hasSuffix("/") ? root + relative : root + "/" + relative
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            var diagnostics = Diagnostics()
            guard let file = ContentReader.readTextFile(path, reportedAs: relative, into: &diagnostics),
                  diagnostics.items.isEmpty, next.replace(file) else { return nil }
            next.cleanFiles[relative] = file
        }
        return next
    }

    /// Puts `file` where the file of the same path is; false when no file has its path.
    private mutating func replace(_ file: SourceFile) -> Bool {
        func swap(_ slot: inout SourceFile?) -> Bool {
            guard slot?.path == file.path else { return false }
            slot = file
            return true
        }
        let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.first {
        case "plans":
            guard parts.count >= 3, let index = plans.firstIndex(where: { $0.folder == parts[1] }) else { return false }
            if swap(&plans[index].plan) || swap(&plans[index].planEN) || swap(&plans[index].tasks) { return true }
            guard let report = plans[index].progress.firstIndex(where: { $0.path == file.path }) else { return false }
            plans[index].progress[report] = file
            return true
        case "notices", "pages":
            for index in articles.indices where swap(&articles[index].zh) || swap(&articles[index].en) { return true }
            return false
        default:
            return swap(&site) || swap(&units) || swap(&hazards) || swap(&holidays) || swap(&accidents) || swap(&categories)
        }
    }
}
