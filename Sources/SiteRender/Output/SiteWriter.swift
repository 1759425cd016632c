import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SiteModel

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
public struct SiteWriter: Sendable {
    public var outputPath: String
    public var contentRoot: String

    public init(outputPath: String, contentRoot: String) {
        self.outputPath = outputPath
        self.contentRoot = contentRoot
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
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return data.withUnsafeBytes { buffer -> Bool in
            guard var pointer = buffer.baseAddress else { return true }
            var remaining = buffer.count
            while remaining > 0 {
                let written = Glibc.write(fd, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                remaining -= written
                pointer = pointer.advanced(by: written)
            }
            return true
        }
    }

    /// True when the file at `path` holds exactly `data` (its size is known to match).
    static func fileHolds(_ path: String, _ data: Data) -> Bool {
        guard !data.isEmpty else { return true }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var existing = [UInt8](repeating: 0, count: data.count)
        var filled = 0
        while filled < existing.count {
            let got = existing.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return false }
            filled += got
        }
        return data.withUnsafeBytes { new in existing.withUnsafeBytes { old in memcmp(new.baseAddress!, old.baseAddress!, old.count) == 0 } }
    }

    /// Writes `files` into the staging folder, runs `beforeSwap` on it (the
    /// search indexer), then swaps it in. When anything fails the previous
    /// output stays.
    public func write(_ files: [OutputFile], beforeSwap: ((String) throws -> Void)? = nil) throws(Failure) {
        var seen = Set<String>()
        for file in files {
            guard OutputFile.isSafe(file.path) else { throw .unsafePath(file.path) }
            guard seen.insert(file.path).inserted else { throw .duplicatePath(file.path) }
        }
        let fm = FileManager.default
        let output = URL(fileURLWithPath: outputPath).standardizedFileURL
        // The output folder is replaced whole: it must not be, or hold, the content folder.
        let real = { (path: String) -> String in URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path }
        let outputReal = real(output.path), contentReal = real(contentRoot)
        if contentReal == outputReal || contentReal.hasPrefix(outputReal.hasSuffix("/") ? outputReal : outputReal + "/") {
            throw .io("refusing to replace \(output.path): it holds the content folder \(contentRoot); write the site elsewhere (-o public)")
        }
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(Self.stagingName(name)).path
        let swapping = parent.appendingPathComponent(".\(name).swap-\(ProcessInfo.processInfo.processIdentifier)").path
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create \(parent.path): \(error.localizedDescription)")
        }
        // One build of this output at a time: the staging folder is shared.
        let lock = open(parent.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard lock >= 0 else { throw .io("cannot open \(parent.path): \(String(cString: strerror(errno)))") }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .io("cannot lock \(parent.path): \(String(cString: strerror(errno)))") }
        }
        defer { flock(lock, LOCK_UN) }

        // The staging folder: the previous generation if it is a real folder, else a new one.
        var info = stat()
        if lstat(staging, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR {
            guard unlink(staging) == 0 else { throw .io("cannot remove \(staging): \(String(cString: strerror(errno)))") }
        }
        if mkdir(staging, 0o755) != 0 && errno != EEXIST {
            throw .io("cannot create \(staging): \(String(cString: strerror(errno)))")
        }

        // Its shape: the folders every file needs (each once), nothing else.
        var folders = Set<String>()
        for file in files {
            var folder = Substring(file.path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        var tree = StagingTree.scan(staging)
        try tree.prune(root: staging, keepFiles: seen, keepFolders: folders)
        for folder in folders.subtracting(tree.folders).sorted() {
            guard mkdir(staging + "/" + folder, 0o755) == 0 || errno == EEXIST else {
                throw .io("cannot create \(staging)/\(folder): \(String(cString: strerror(errno)))")
            }
        }

        // The files, in parallel; one already holding the same bytes is left as it is.
        let existing = tree.files
        let failures = FailureSlots(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            let target = staging + "/" + file.path
            let data: Data
            switch file.contents {
            case .data(let bytes): data = bytes
            case .copy(let relative):
                let source = contentRoot + "/" + relative
                guard let bytes = FileManager.default.contents(atPath: source) else { failures.set(index, "cannot copy \(source)"); return }
                data = bytes
            }
            if existing[file.path] == data.count && Self.fileHolds(target, data) { return }
            if !Self.writeFile(target, data) { failures.set(index, "cannot write \(target)") }
        }
        if let message = failures.first { throw .io(message) }
        if let beforeSwap {
            do { try beforeSwap(staging) } catch { throw .io("\(error)") }
        }

        // Swap: the output steps aside, the staging folder takes its name, the old output becomes the next staging folder.
        let hadOutput = lstat(output.path, &info) == 0
        if hadOutput {
            guard rename(output.path, swapping) == 0 else { throw .io("cannot move \(output.path) aside: \(String(cString: strerror(errno)))") }
        }
        guard rename(staging, output.path) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadOutput { _ = rename(swapping, output.path) }
            throw .io("cannot move the new site into \(output.path): \(reason)")
        }
        if hadOutput {
            if lstat(swapping, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                _ = rename(swapping, staging)
            } else {
                _ = unlink(swapping)   // the output was a symbolic link: it is gone, its target untouched
            }
        }
    }
}

/// The first failure of a parallel write, by file index, so that the error reported does not depend on timing.
final class FailureSlots: @unchecked Sendable {
    private var messages: [String?]
    private let lock = NSLock()

    init(count: Int) { messages = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ message: String) {
        lock.lock(); messages[index] = message; lock.unlock()
    }

    var first: String? { messages.lazy.compactMap { $0 }.first }
}
