import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Waits for a change in a set of folders and says where it was: inotify where
/// the kernel has it (the paths its events name), else a plain timeout. The
/// caller reads only the named paths again, and walks everything when the
/// watcher cannot say (no inotify, a lost event) and now and then anyway, so a
/// missed or spurious event only costs a walk.
public final class FolderWatcher {
    /// What a wait ended with.
    public enum Wake: Sendable, Equatable {
        /// Nothing happened within the time.
        case timeout
        /// Entries of the watched folders that changed (created, written, deleted, renamed or their
        /// attributes changed), or a watched folder itself: its path as given to `update` plus the
        /// entry's name. Hidden entries (a name starting with a dot, such as an editor's swap file)
        /// are left out, as the walk leaves them out.
        case paths(Set<String>)
        /// Something changed but the kernel cannot say what (its event queue overflowed).
        case unknown
    }

    private let descriptor: Int32
    /// The watch of each folder, and the folders of each watch (one folder reached by two paths,
    /// through a link, is one watch).
    private var watchOf: [String: Int32] = [:]
    private var foldersOf: [Int32: Set<String>] = [:]
    /// Folders the kernel would not watch (over the user's inotify watch limit, say).
    private var unwatched: Set<String> = []
    private var buffer = [UInt8](repeating: 0, count: 65536)
    /// When the last `wait` saw the first event of what it returned (for the preview's timings).
    public private(set) var firstEvent: Date?

    public init(_ folders: [String]) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        update(folders)
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// True when the kernel reports changes in every folder (inotify); false: `wait` may only
    /// time out, or some folders are not watched, and the caller must look for itself.
    public var isWatching: Bool { descriptor >= 0 && unwatched.isEmpty }

    /// Watches exactly `folders` (folders come and go as content is edited): new ones are added and
    /// gone ones removed, the others watched on without a gap.
    public func update(_ folders: [String]) {
        guard descriptor >= 0 else { return }
        let wanted = Set(folders)
        unwatched = []
        for (folder, watch) in watchOf where !wanted.contains(folder) {
            watchOf[folder] = nil
            foldersOf[watch]?.remove(folder)
            if foldersOf[watch]?.isEmpty == true {
                foldersOf[watch] = nil
                inotify_rm_watch(descriptor, watch)
            }
        }
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                          | IN_DELETE_SELF | IN_MOVE_SELF)
        for folder in folders where watchOf[folder] == nil {
            let watch = inotify_add_watch(descriptor, folder, mask)
            guard watch >= 0 else { unwatched.insert(folder); continue }
            watchOf[folder] = watch
            foldersOf[watch, default: []].insert(folder)
        }
    }

    /// Returns when something changed or after `milliseconds`, whichever is first. A save is
    /// often several events (truncate, write, close; or write a new file, rename it over the old):
    /// they are gathered until no file is left half-written (written but not yet closed, or
    /// removed and not yet put back) and the folders have been quiet for a millisecond — at
    /// most `gathering` milliseconds after the first event.
    public func wait(milliseconds: Int32, gathering: Int = 50) -> Wake {
        firstEvent = nil
        guard descriptor >= 0 else { usleep(UInt32(milliseconds) * 1000); return .timeout }
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, milliseconds) > 0 else { return .timeout }
        firstEvent = Date()
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(gathering)
        var paths = Set<String>()
        var unfinished = Set<String>()
        var lost = false
        while true {
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                let events = buffer.withUnsafeBytes { Self.events(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                for event in events { take(event, into: &paths, unfinished: &unfinished, lost: &lost) }
            }
            guard clock.now < deadline else { break }
            // Quiet for 1 ms when every file is whole, else up to 5 ms at a time for the rest of the save.
            request.revents = 0
            if poll(&request, 1, unfinished.isEmpty ? 1 : 5) <= 0 && unfinished.isEmpty { break }
        }
        return lost ? .unknown : .paths(paths)
    }

    /// Adds what `event` says to `paths`; `unfinished`: the files being written or replaced.
    private func take(_ event: Event, into paths: inout Set<String>, unfinished: inout Set<String>, lost: inout Bool) {
        if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { lost = true; return }
        let folders = foldersOf[event.watch] ?? []
        if event.mask & UInt32(IN_IGNORED) != 0 {
            // The folder is gone (deleted, or its file system unmounted): the kernel dropped the watch.
            for folder in folders { watchOf[folder] = nil; paths.insert(folder) }
            foldersOf[event.watch] = nil
            return
        }
        guard !folders.isEmpty else { lost = true; return }
        if event.name.isEmpty {
            paths.formUnion(folders)
            return
        }
        guard !event.name.hasPrefix(".") else { return }
        for folder in folders {
            let path = folder + "/" + event.name
            paths.insert(path)
            if event.mask & UInt32(IN_MODIFY | IN_DELETE | IN_MOVED_FROM) != 0 { unfinished.insert(path) }
            if event.mask & UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO) != 0 && event.mask & UInt32(IN_MODIFY) == 0 {
                unfinished.remove(path)
            }
        }
    }

    /// One inotify event: its watch, what happened and the entry's name (empty for the folder itself).
    struct Event: Equatable {
        var watch: Int32
        var mask: UInt32
        var name: String
    }

    /// The events in what one read of the inotify descriptor returned (`struct inotify_event`: the
    /// watch, the mask, a cookie, the name's length with its padding, then the name, NUL-padded).
    static func events(_ bytes: UnsafeRawBufferPointer) -> [Event] {
        var events: [Event] = []
        var offset = 0
        let header = 16
        while offset + header <= bytes.count {
            let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let start = offset + header, end = min(start + length, bytes.count)
            let name = bytes[start..<end].prefix { $0 != 0 }
            events.append(Event(watch: watch, mask: mask, name: String(decoding: name, as: UTF8.self)))
            offset = start + length
        }
        return events
    }
}
