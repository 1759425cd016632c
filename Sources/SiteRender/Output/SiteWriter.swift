import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SiteModel
import Synchronization

/// The write stage, the only one with side effects: writes every file into a
/// staging folder beside the output folder, then swaps it into place. When
/// anything fails the previous output is left as it was.
///
/// The staging folder is the output before last, kept as `.<name>.prev`
/// beside the output: it is brought into the shape of the new site (what is
/// not in it removed, missing folders made) and only files whose bytes differ
/// are written. After the swap the replaced output becomes the next build's
/// staging folder. Nothing is deleted wholesale and unchanged files cost a
/// read, which on a rebuild is most of the site (deleting a tree of
/// thousands of files and making a new one costs more than rendering it).
/// Builds of one output folder are serialised by a lock on its parent folder.
///
/// The folders gen-site makes carry a mark (`.gen-site-output`); any other
/// existing folder that is not empty is refused, so a user's own folder (a
/// checkout of a pages branch) is never moved or deleted, unless `takeOver`
/// (`--force`) says so. Hidden entries at the output's top level (`.git`,
/// `.nojekyll`, `.well-known`…), `CNAME`, `_headers` and `_redirects` are not
/// the site's: they move into each new output and are never deleted. The new
/// site replaces the old in one atomic step, renameat2(RENAME_EXCHANGE): a
/// reader never sees the output missing, and a build killed at any instant
/// leaves either the old site or the new one.
public struct SiteWriter: Sendable {
    public var outputPath: String
    public var contentRoot: String
    /// Write into (and replace) an existing folder without gen-site's mark.
    public var takeOver: Bool

    public init(outputPath: String, contentRoot: String, takeOver: Bool = false) {
        self.outputPath = outputPath
        self.contentRoot = contentRoot
        self.takeOver = takeOver
    }

    /// The file that marks a folder as gen-site's output (or staging folder).
    public static let markName = ".gen-site-output"
    static let markText = """
        This folder is a site written by gen-site. Each build replaces its contents; hidden files and
        folders (.git, .nojekyll…), CNAME, _headers and _redirects at this level are kept. Without
        this file, gen-site refuses to write here unless run with --force.

        """

    /// Names at an output's top level that are not the site's and are kept from build to build.
    public static func isKept(_ name: String) -> Bool {
        (name.hasPrefix(".") && name != markName) || name == "CNAME" || name == "_headers" || name == "_redirects"
    }

    /// Whose a folder is: nothing there, an empty folder, one gen-site marked, or someone else's.
    enum Ownership: Equatable {
        case absent, empty, marked
        /// Not gen-site's: a file, or a folder holding these names (a few of them).
        case foreign([String])
    }

    static func ownership(of path: String) -> Ownership {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .absent }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return .foreign([(path as NSString).lastPathComponent]) }
        if lstat(path + "/" + markName, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG { return .marked }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return .foreign([]) }
        return names.isEmpty ? .empty : .foreign(Array(names.sorted().prefix(3)))
    }

    /// Why the output cannot be written (the checks `begin` makes before touching anything,
    /// which `check -o` makes too), or nil.
    public func refusal() -> String? {
        let (output, _, staging) = locations
        let real = { (path: String) -> String in URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path }
        let outputReal = real(output.path), contentReal = real(contentRoot)
        // The output folder is replaced whole: it must not be, or hold, the content folder.
        if contentReal == outputReal || contentReal.hasPrefix(outputReal.hasSuffix("/") ? outputReal : outputReal + "/") {
            return "refusing to replace \(output.path): it holds the content folder \(contentRoot); write the site elsewhere (-o public)"
        }
        // Nor lie inside it: the folder swapped aside would be content (and read as content next time).
        if outputReal.hasPrefix(contentReal.hasSuffix("/") ? contentReal : contentReal + "/") {
            return "refusing to write \(output.path): it is inside the content folder \(contentRoot); write the site beside it (-o public)"
        }
        // The staging folder beside the output is emptied and swapped too: it must not be, hold or
        // lie inside the content folder either, --force or not (`build .public.prev -o public --force`
        // deleted the content it was reading).
        let stagingReal = real(staging)
        if contentReal == stagingReal || contentReal.hasPrefix(stagingReal + "/") {
            return "refusing to use \(staging) as the staging folder: it holds the content folder \(contentRoot); move the content elsewhere or write the site elsewhere (-o public)"
        }
        if stagingReal.hasPrefix(contentReal.hasSuffix("/") ? contentReal : contentReal + "/") {
            return "refusing to use \(staging) as the staging folder: it is inside the content folder \(contentRoot); write the site beside it (-o public)"
        }
        // What is there must be a folder gen-site may replace: not a file, and not a symlink (which the swap would replace
        // with a folder, breaking what it points to).
        var status = stat()
        if lstat(output.path, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFLNK {
                return "refusing to replace \(output.path): it is a symbolic link; pass the folder it points to (-o \(outputReal))"
            }
            if (status.st_mode & S_IFMT) != S_IFDIR {
                return "refusing to replace \(output.path): it is a file, not a folder"
            }
        }
        guard !takeOver else { return nil }
        if case .foreign(let names) = Self.ownership(of: output.path) {
            return "refusing to write into \(output.path): it holds files gen-site did not make (\(names.joined(separator: ", "))…); "
                + "write the site into a new or empty folder, or pass --force to let gen-site take this one over "
                + "(it keeps .git, other hidden files, CNAME, _headers and _redirects, and replaces everything else)"
        }
        if case .foreign = Self.ownership(of: staging) {
            return "refusing to use \(staging) as the staging folder: gen-site did not make it; move it away, or pass --force"
        }
        return nil
    }

    public enum Failure: Error, CustomStringConvertible {
        case unsafePath(String)
        case duplicatePath(String)
        case io(String)

        public var description: String {
            switch self {
            case .unsafePath(let path): "refusing to write outside the output folder: \(path)"
            case .duplicatePath(let path): "two outputs for one path: \(path)"
            case .io(let message): message
            }
        }
    }

    /// The staging folder's name for an output folder named `name`.
    public static func stagingName(_ name: String) -> String { ".\(name).prev" }

    /// One open, as few writes as the kernel needs, one close: no temporary
    /// file and no fsync per file (Foundation's createFile does both) — the
    /// whole staging folder is what is swapped in atomically. A symbolic link
    /// in the file's place is not followed.
    static func writeFile(_ path: String, _ data: Data) -> Bool {
        writeFile(path) { emit in data.withUnsafeBytes { emit($0) } }
    }

    /// The same for a file made in pieces: each piece `produce` emits is written as it comes.
    static func writeFile(_ path: String, _ produce: (_ emit: (UnsafeRawBufferPointer) -> Void) -> Void) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var ok = true
        produce { buffer in
            guard ok, var pointer = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = Glibc.write(fd, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    return
                }
                remaining -= written
                pointer = pointer.advanced(by: written)
            }
        }
        return ok
    }

    /// renameat2(2) with RENAME_EXCHANGE: `a` and `b` change places atomically. Glibc declares it
    /// only for _GNU_SOURCE, which Swift's Glibc module does not define: it is found by name.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 = renameat2Function else { errno = ENOSYS; return false }
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0
    }

    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameat2Function: Renameat2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: Renameat2.self) }

    /// True when the file at `path` is a regular file holding exactly `data` (its size first, then its bytes).
    static func fileHolds(_ path: String, _ data: Data) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == data.count else { return false }
        guard !data.isEmpty else { return true }
        // Read and compared a piece at a time through one small buffer: no copy of the whole file
        // to allocate and zero (a rebuild compares every page), and a difference ends the reading.
        return data.withUnsafeBytes { new in
            withUnsafeTemporaryAllocation(byteCount: 65_536, alignment: 16) { buffer in
                guard let base = buffer.baseAddress, let newBase = new.baseAddress else { return false }
                var compared = 0
                while compared < new.count {
                    let got = read(fd, base, min(buffer.count, new.count - compared))
                    if got < 0 && errno == EINTR { continue }
                    guard got > 0, memcmp(newBase + compared, base, got) == 0 else { return false }
                    compared += got
                }
                return true
            }
        }
    }

    /// Writes `files` into the staging folder, runs `beforeSwap` on it (the
    /// search indexer), then swaps it in. When anything fails the previous
    /// output stays.
    public func write(_ files: [OutputFile], beforeSwap: ((String) throws -> Void)? = nil) throws(Failure) {
        let session = try begin(paths: files.map(\.path))
        files.concurrentForEach { session.write($0) }
        try session.finish(beforeSwap: beforeSwap)
    }

    /// The output folder, its parent (which holds the lock) and the staging folder beside it.
    private var locations: (output: URL, parent: URL, staging: String) {
        let output = URL(fileURLWithPath: outputPath).standardizedFileURL
        let parent = output.deletingLastPathComponent()
        return (output, parent, parent.appendingPathComponent(Self.stagingName(output.lastPathComponent)).path)
    }

    /// One build of an output at a time (the staging folder is shared): an exclusive flock on
    /// the output's parent folder, held by the returned descriptor.
    private static func lock(_ folder: String) throws(Failure) -> Int32 {
        let lock = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard lock >= 0 else { throw .io("cannot open \(folder): \(String(cString: strerror(errno)))") }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(lock)
                throw .io("cannot lock \(folder): \(String(cString: strerror(errno)))")
            }
        }
        return lock
    }

    /// Takes the output's lock and starts scanning the staging folder on another thread, before
    /// the content is loaded: the disk's work then overlaps the load's (at 20,000 pages the scan
    /// is 1.6 s of waiting on `lstat`). Nil when the output's parent does not exist yet.
    public func prefetch() -> Prefetch? {
        let (_, parent, staging) = locations
        guard let lock = try? Self.lock(parent.path) else { return nil }
        return Prefetch(parent: parent.path, staging: staging, lock: lock)
    }

    /// The output's lock, held, and the staging folder's tree as it was scanned under it.
    /// Unchecked: `scanned` is written by the scanning thread before it leaves `done`, and read
    /// only after waiting on `done`; `lock` is given up once, by `take` or at deinit.
    public final class Prefetch: @unchecked Sendable {
        let parent: String
        let staging: String
        fileprivate var lock: Int32
        private let done = DispatchGroup()
        private var scanned = StagingTree()

        init(parent: String, staging: String, lock: Int32) {
            self.parent = parent
            self.staging = staging
            self.lock = lock
            done.enter()
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                scanned = StagingTree.scan(staging)
                done.leave()
            }
        }

        /// Waits for the scan; the lock passes to the caller.
        fileprivate func take() -> (lock: Int32, tree: StagingTree) {
            done.wait()
            defer { lock = -1 }
            return (lock, scanned)
        }

        deinit {
            done.wait()
            if lock >= 0 { flock(lock, LOCK_UN); close(lock) }
        }
    }

    /// Starts a build's writing: checks the paths of every file the build will write (all of
    /// them, so that the staging folder can be pruned to the new site's shape first), takes
    /// the output's lock (or the one `prefetched` holds) and prepares the staging folder. Files
    /// are then written with `Session.write` as they are made, from any thread, and `finish`
    /// swaps them in.
    public func begin(paths: [String], prefetched: Prefetch? = nil) throws(Failure) -> Session {
        var seen = Set<String>()
        for path in paths {
            guard OutputFile.isSafe(path) else { throw .unsafePath(path) }
            guard seen.insert(path).inserted else { throw .duplicatePath(path) }
        }
        let fm = FileManager.default
        let (output, parent, staging) = locations
        if let refusal = refusal() { throw .io(refusal) }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create \(parent.path): \(error.localizedDescription)")
        }
        if let prefetched, prefetched.parent == parent.path, prefetched.staging == staging {
            let (lock, tree) = prefetched.take()
            let session = Session(output: output.path, staging: staging, contentRoot: contentRoot, paths: seen, lock: lock)
            try session.prepare(scanned: tree)
            return session
        }
        let lock = try Self.lock(parent.path)
        let session = Session(output: output.path, staging: staging, contentRoot: contentRoot, paths: seen, lock: lock)
        try session.prepare(scanned: nil)
        return session
    }

    /// One build's writing into the staging folder; see `begin`. Unchecked: `existing`,
    /// `createdStaging` and `lock` are set by `begin` before any `write`, and `finish` or
    /// `cancel` run after the last one; concurrent `write`s only read them, and record
    /// their failures under the mutex.
    public final class Session: @unchecked Sendable {
        let output: String
        let staging: String
        let contentRoot: String
        let paths: Set<String>
        private var lock: Int32
        /// The files already in the staging folder (from the output before last).
        private var existing: Set<String> = []

        /// Failures by path: the one reported is the first path in order, whatever the timing.
        private let failures = Mutex<[String: String]>([:])

        init(output: String, staging: String, contentRoot: String, paths: Set<String>, lock: Int32) {
            self.output = output
            self.staging = staging
            self.contentRoot = contentRoot
            self.paths = paths
            self.lock = lock
        }

        deinit { release() }

        private func release() {
            guard lock >= 0 else { return }
            flock(lock, LOCK_UN)
            close(lock)
            lock = -1
        }

        /// The staging folder: the previous generation if it is a real folder, else a new one,
        /// pruned to the shape of the new site (the folders its files need, nothing else).
        fileprivate func prepare(scanned: StagingTree?) throws(Failure) {
            var info = stat()
            if lstat(staging, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR {
                guard unlink(staging) == 0 else { throw .io("cannot remove \(staging): \(String(cString: strerror(errno)))") }
            }
            if mkdir(staging, 0o755) == 0 {
                createdStaging = true
            } else if errno != EEXIST {
                throw .io("cannot create \(staging): \(String(cString: strerror(errno)))")
            }
            // The mark goes with the folder: after the swap this folder is the output.
            guard SiteWriter.writeFile(staging + "/" + SiteWriter.markName, Data(SiteWriter.markText.utf8)) else {
                throw .io("cannot write \(staging)/\(SiteWriter.markName): \(String(cString: strerror(errno)))")
            }
            var folders = Set<String>()
            for path in paths {
                var folder = Substring(path)
                while let slash = folder.lastIndex(of: "/") {
                    folder = folder[..<slash]
                    guard folders.insert(String(folder)).inserted else { break }
                }
            }
            // The tree scanned under the lock (by `prefetch`) is the tree on disk; a staging folder just
            // created is empty.
            var tree = createdStaging ? StagingTree() : scanned ?? StagingTree.scan(staging)
            try tree.prune(root: staging, keepFiles: paths, keepFolders: folders)
            // The folders still missing are made by the threads that write into them (`write`), as
            // they first need them: one by one here they were a fifth of a clean build at 20,000 pages.
            existing = tree.files
        }

        /// Writes a file of the site with `body`; when its folder is missing (it is made as the
        /// first file written into it needs it), makes the folder and its missing parents and
        /// tries once more. A folder another thread made at the same time is found made.
        private func writing(_ path: String, _ body: () -> Bool) -> Bool {
            if body() { return true }
            guard errno == ENOENT, let slash = path.lastIndex(of: "/"), makeFolder(path[..<slash]) else { return false }
            return body()
        }

        /// Makes a folder of the staging tree, and its parents first when they are missing too.
        private func makeFolder(_ folder: Substring) -> Bool {
            if mkdir(staging + "/" + folder, 0o755) == 0 || errno == EEXIST { return true }
            guard errno == ENOENT, let slash = folder.lastIndex(of: "/"), makeFolder(folder[..<slash]) else { return false }
            return mkdir(staging + "/" + folder, 0o755) == 0 || errno == EEXIST
        }

        private func fail(_ path: String, _ message: String) {
            failures.withLock { $0[path] = message }
        }

        /// Writes one file (safe to call from several threads for different files); a file
        /// already holding the same bytes is left as it is. A failure is reported by `finish`.
        public func write(_ file: OutputFile) {
            guard paths.contains(file.path) else { fail(file.path, "\(file.path) was not announced to the writer"); return }
            let target = staging + "/" + file.path
            let data: Data
            switch file.contents {
            case .data(let bytes): data = bytes
            case .made(let make): data = make()
            case .copy(let relative):
                let source = contentRoot + "/" + relative
                guard let bytes = FileManager.default.contents(atPath: source) else { fail(file.path, "cannot copy \(source)"); return }
                data = bytes
            case .streamed(let produce):
                // Written as it is made, never whole in memory (and so never compared with the old bytes).
                if !writing(file.path, { SiteWriter.writeFile(target, produce) }) { fail(file.path, "cannot write \(target): \(String(cString: strerror(errno)))") }
                return
            }
            if existing.contains(file.path) && SiteWriter.fileHolds(target, data) { return }
            if !writing(file.path, { SiteWriter.writeFile(target, data) }) { fail(file.path, "cannot write \(target): \(String(cString: strerror(errno)))") }
        }

        /// Gives up without touching the output. A staging folder this build created goes again (one
        /// recycled from the output before last stays, for the next build to reuse).
        public func cancel() {
            if createdStaging { try? FileManager.default.removeItem(atPath: staging) }
            release()
        }

        private var createdStaging = false

        /// Runs `beforeSwap` on the staging folder, then swaps it in: the output steps aside,
        /// the staging folder takes its name, the old output becomes the next staging folder.
        public func finish(beforeSwap: ((String) throws -> Void)? = nil) throws(Failure) {
            defer { release() }
            let failed = failures.withLock { failures in failures.keys.min().flatMap { failures[$0] } }
            if let failed { throw .io(failed) }
            if let beforeSwap {
                do { try beforeSwap(staging) } catch { throw .io("\(error)") }
            }
            var info = stat()
            guard lstat(output, &info) == 0 else {
                // No output yet: the staging folder takes its name, in one rename.
                guard rename(staging, output) == 0 else { throw .io("cannot move the new site into \(output): \(String(cString: strerror(errno)))") }
                return
            }
            // What is not the site's (.git, CNAME…) goes with the live output into the new one. A copy already
            // in the staging folder (left by a build killed here) changes places with the live one: both are kept.
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []).filter(SiteWriter.isKept).sorted()
            for name in names {
                let from = output + "/" + name, to = staging + "/" + name
                let moved = lstat(to, &info) == 0 ? SiteWriter.exchange(from, to) : rename(from, to) == 0
                guard moved else { throw .io("cannot carry \(from) into the new site: \(String(cString: strerror(errno)))") }
            }
            // One atomic step: the new site and the old change places; the old is the next staging folder
            // (marked as gen-site's: an output taken over with --force held files of its own until now).
            if SiteWriter.exchange(staging, output) {
                _ = SiteWriter.writeFile(staging + "/" + SiteWriter.markName, Data(SiteWriter.markText.utf8))
                return
            }
            guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else {
                throw .io("cannot move the new site into \(output): \(String(cString: strerror(errno)))")
            }
            // A file system without RENAME_EXCHANGE: two renames, the output absent between them.
            let aside = (output as NSString).deletingLastPathComponent
                + "/.\((output as NSString).lastPathComponent).swap-\(ProcessInfo.processInfo.processIdentifier)"
            guard rename(output, aside) == 0 else { throw .io("cannot move \(output) aside: \(String(cString: strerror(errno)))") }
            guard rename(staging, output) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(aside, output)
                throw .io("cannot move the new site into \(output): \(reason)")
            }
            _ = rename(aside, staging)
            _ = SiteWriter.writeFile(staging + "/" + SiteWriter.markName, Data(SiteWriter.markText.utf8))
        }
    }
}
