import Foundation
import SiteModel
import Synchronization

/// The site's search index, one per language beside its search page
/// (`search/index/`, `en/search/index/`), made by gen-site itself from the
/// pages it renders: nothing outside gen-site is needed, and the search page
/// reads it from plain files with no server (docs/search.md).
///
/// Its files are known before any page is rendered (`paths`: the writer is
/// told every path first). Each page's text is read from its HTML as it is
/// rendered (`add`, from any thread) and indexed in the pages' order by
/// whichever thread finds the next page ready, so only pages rendered ahead
/// of their turn wait in memory; each text file is handed over as soon as its
/// pages are in, and the postings are made by `finish`.
public final class SearchIndex: Sendable {
    /// One language's pages in the index's order, and the files they go into.
    struct Part {
        var language: Language
        /// Where the index lives, relative to the site root.
        var folder: String
        var pages: [PageAddress]
        /// The first page of each text file (`d<n>.js`), then the page count.
        var chunkStarts: [Int]
        /// Posting shards (`p<n>.js`, `q<n>.js`).
        var shardCount: Int
    }

    /// A part's pages waiting for their turn, and the writer that indexes them in order.
    /// Unchecked for `writer` alone: it is used only by the one thread that holds the drain
    /// (`draining`, set and cleared under `state`), or by `finish` after every page was added.
    private final class Queue: @unchecked Sendable {
        struct State {
            var waiting: [Int: (SearchDocument, SearchIndexWriter.PageTokens)] = [:]
            var next = 0
            var draining = false
        }
        let state = Mutex(State())
        let writer: SearchIndexWriter

        init(_ writer: SearchIndexWriter) { self.writer = writer }
    }

    let parts: [Part]
    /// Part and page of each page's output path.
    private let slotOfPath: [String: (part: Int, page: Int)]
    private let queues: [Queue]

    public init(_ context: RenderContext) {
        let addresses = SiteRenderer.pageAddresses(context).filter { Self.isIndexed($0.route) }
        var parts: [Part] = []
        var slots: [String: (part: Int, page: Int)] = [:]
        for language in context.languages {
            // The render order: a plan's tasks next to each other, so they share text files.
            let pages = addresses.filter { $0.language == language }
            for (index, page) in pages.enumerated() { slots[page.outputPath] = (parts.count, index) }
            parts.append(Part(language: language, folder: PageAddress(.search, language).path + "index/", pages: pages,
                              chunkStarts: Self.chunkStarts(pages), shardCount: Self.shardCount(pages: pages.count)))
        }
        self.parts = parts
        slotOfPath = slots
        queues = parts.map { Queue(SearchIndexWriter(part: $0, context: context)) }
    }

    /// Pages not worth finding: the search page itself and the translation status.
    static func isIndexed(_ route: PageRoute) -> Bool {
        route != .search && route != .translationStatus
    }

    /// The order of pages that score the same: tasks (the most specific page for what they say),
    /// plans, progress pages, units, the other content pages, notices, then the pages that only
    /// list others.
    static func rank(_ route: PageRoute) -> Int {
        switch route {
        case .task: 0
        case .plan: 1
        case .progress: 2
        case .unit: 3
        case .hazards: 4
        case .report: 5
        case .page: 6
        case .statistics: 7
        case .notice: 8
        case .data: 9
        case .home: 10
        case .plans: 11
        case .units: 12
        case .notices: 13
        case .search, .translationStatus: 14
        }
    }

    /// Tasks and notices share text files four at a time; every other page has its own (they are long).
    static func chunkStarts(_ pages: [PageAddress]) -> [Int] {
        var starts: [Int] = []
        for (index, page) in pages.enumerated() {
            if let last = starts.last, index - last < 4, page.route.sharesChunk, pages[last].route.sharesChunk { continue }
            starts.append(index)
        }
        return starts + [pages.count]
    }

    /// About sixteen pages' postings per shard.
    static func shardCount(pages: Int) -> Int { max(1, (pages + 15) / 16) }

    /// Every file of the index, relative to the site root.
    public var paths: [String] {
        parts.flatMap { part -> [String] in
            var paths = [part.folder + "manifest.js"]
            paths += (0..<(part.chunkStarts.count - 1)).map { part.folder + "d\($0).js" }
            paths += (0..<part.shardCount).flatMap { [part.folder + "p\($0).js", part.folder + "q\($0).js"] }
            return paths
        }
    }

    /// Takes a rendered page's text, if the page is in the index (from any thread; each page once);
    /// hands the text files it completes to `write`.
    public func add(_ file: OutputFile, write: (OutputFile) -> Void) {
        guard let slot = slotOfPath[file.path], case .data(let bytes) = file.contents else { return }
        let document = bytes.withUnsafeBytes { SearchDocument(html: Array($0.bindMemory(to: UInt8.self))) } ?? SearchDocument(blocks: [])
        let tokens = SearchIndexWriter.PageTokens(document)
        let queue = queues[slot.part]
        // The page waits for its turn; whoever finds the drain free indexes every page that is ready.
        let drains = queue.state.withLock { state -> Bool in
            state.waiting[slot.page] = (document, tokens)
            guard !state.draining else { return false }
            state.draining = true
            return true
        }
        guard drains else { return }
        while let (next, id) = queue.state.withLock({ state -> ((SearchDocument, SearchIndexWriter.PageTokens), Int)? in
            guard let next = state.waiting.removeValue(forKey: state.next) else {
                state.draining = false
                return nil
            }
            state.next += 1
            return (next, state.next - 1)
        }) {
            if let chunk = queue.writer.append(next.0, tokens: next.1, id: id) { write(chunk) }
        }
    }

    /// The manifests and posting files, once every page has been added.
    public func finish() -> [OutputFile] {
        let made = parts.indices.concurrentMap { index -> [OutputFile] in
            let queue = queues[index]
            // A page that never came (not rendered) is indexed as empty, so the files stay whole.
            let count = parts[index].pages.count
            let missing = queue.state.withLock { state -> [(SearchDocument, SearchIndexWriter.PageTokens)] in
                var missing: [(SearchDocument, SearchIndexWriter.PageTokens)] = []
                while state.next < count {
                    let empty = SearchDocument(blocks: [])
                    missing.append(state.waiting.removeValue(forKey: state.next) ?? (empty, SearchIndexWriter.PageTokens(empty)))
                    state.next += 1
                }
                return missing
            }
            var files: [OutputFile] = []
            let first = parts[index].pages.count - missing.count
            for (offset, page) in missing.enumerated() {
                if let chunk = queue.writer.append(page.0, tokens: page.1, id: first + offset) { files.append(chunk) }
            }
            return files + queue.writer.finish()
        }
        return made.flatMap { $0 }
    }
}

extension PageRoute {
    /// Whether the page's text shares a file of the index with its neighbours.
    var sharesChunk: Bool {
        switch self {
        case .task, .notice: true
        default: false
        }
    }
}
