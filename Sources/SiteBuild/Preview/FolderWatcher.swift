#if canImport(Glibc)
import Glibc
#endif

/// Waits for a change in a set of folders: inotify where the kernel has it,
/// else a plain timeout (the caller compares fingerprints either way, so a
/// missed or spurious wake-up only costs a scan).
public final class FolderWatcher {
    private let descriptor: Int32
    private var watches: [Int32] = []

    public init(_ folders: [String]) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        update(folders)
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Watches exactly `folders` (folders come and go as content is edited).
    public func update(_ folders: [String]) {
        guard descriptor >= 0 else { return }
        for watch in watches { inotify_rm_watch(descriptor, watch) }
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                          | IN_DELETE_SELF | IN_MOVE_SELF)
        watches = folders.compactMap { folder in
            let watch = inotify_add_watch(descriptor, folder, mask)
            return watch >= 0 ? watch : nil
        }
    }

    /// Returns when something changed or after `milliseconds`, whichever is first; a burst
    /// of events (an editor's save is several) is taken as one, 5 ms after the first.
    public func wait(milliseconds: Int32) {
        guard descriptor >= 0 else { usleep(UInt32(milliseconds) * 1000); return }
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, milliseconds) > 0 else { return }
        usleep(5_000)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while read(descriptor, &buffer, buffer.count) > 0 {}
    }
}
