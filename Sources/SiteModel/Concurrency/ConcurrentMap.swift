import Dispatch

extension RandomAccessCollection where Index == Int, Self: Sendable {
    /// `map`, with the elements transformed on all cores at once (Dispatch's concurrentPerform)
    /// when `parallel` and there is more than one: the result is in the collection's order
    /// whatever the timing. The one parallel loop of gen-site: every stage that runs in
    /// parallel (decoding plans, resolving them, rendering pages, making the site-wide files,
    /// indexing) goes through it.
    public func concurrentMap<T>(parallel: Bool = true, _ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        guard parallel, count > 1 else { return map(transform) }
        let start = startIndex
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = Slots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: count) { offset in
                slots.initialize(offset, to: transform(self[start + offset]))
            }
            initialized = count
        }
    }
}

extension RandomAccessCollection where Index == Int, Self: Sendable {
    /// `forEach` on all cores at once (`concurrentMap` without results): for work whose effect
    /// is its own, such as writing files.
    public func concurrentForEach(_ body: @Sendable (Element) -> Void) {
        _ = concurrentMap(body)
    }
}

/// Distinct slots of one buffer, each initialised by exactly one iteration of
/// `concurrentPerform`. Unchecked: no two iterations touch one slot, and the
/// buffer is read only after the loop has returned, when every iteration has.
private struct Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    func initialize(_ index: Int, to value: T) { (buffer.baseAddress! + index).initialize(to: value) }
}
