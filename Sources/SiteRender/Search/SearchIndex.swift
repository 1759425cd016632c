import Foundation
import SiteModel

/// The site's search index, one per language beside its search page
/// (`search/index/`, `en/search/index/`), made by gen-site itself from the
/// pages it renders: nothing outside gen-site is needed, and the search page
/// reads it from plain files with no server (docs/search.md).
///
/// Its files are known before any page is rendered (`paths`: the writer is
/// told every path first), the pages' text is collected as they are rendered
/// (`add`, from any thread) and the index is made at the end (`files`).
public final class SearchIndex: @unchecked Sendable {
    /// One language's pages in the index's order, and the files they go into.
    struct Part {
        var language: Language
        /// Where the index lives, relative to the site root.
        var folder: String
        var pages: [PageAddress]
        /// The first page of each text chunk (`d<n>.js`), then the page count.
        var chunkStarts: [Int]
        /// Posting shards (`p<n>.js`, `q<n>.js`).
        var shardCount: Int
    }

    let parts: [Part]
    let context: RenderContext
    /// Part and page of each page's output path.
    private let slotOfPath: [String: (part: Int, page: Int)]
    private let documents: [UnsafeMutableBufferPointer<SearchDocument?>]

    public init(_ context: RenderContext) {
        self.context = context
        let addresses = SiteRenderer.pageAddresses(context).filter { Self.isIndexed($0.route) }
        var parts: [Part] = []
        var slots: [String: (part: Int, page: Int)] = [:]
        for language in context.languages {
            // Ranked order: ties in score go to the page that comes first here (docs/search.md).
            let pages = addresses.enumerated().filter { $0.element.language == language }
                .sorted { (Self.rank($0.element.route), $0.offset) < (Self.rank($1.element.route), $1.offset) }
                .map(\.element)
            for (index, page) in pages.enumerated() { slots[page.outputPath] = (parts.count, index) }
            parts.append(Part(language: language, folder: PageAddress(.search, language).path + "index/", pages: pages,
                              chunkStarts: Self.chunkStarts(pages), shardCount: Self.shardCount(pages: pages.count)))
        }
        self.parts = parts
        slotOfPath = slots
        documents = parts.map { part in
            let buffer = UnsafeMutableBufferPointer<SearchDocument?>.allocate(capacity: part.pages.count)
            buffer.initialize(repeating: nil)
            return buffer
        }
    }

    deinit {
        for buffer in documents {
            buffer.deinitialize()
            buffer.deallocate()
        }
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

    /// Takes a rendered page's text, if the page is in the index (from any thread; each page once).
    public func add(_ file: OutputFile) {
        guard let slot = slotOfPath[file.path], case .data(let bytes) = file.contents else { return }
        let document = bytes.withUnsafeBytes { SearchDocument(html: Array($0.bindMemory(to: UInt8.self))) }
        documents[slot.part][slot.page] = document ?? SearchDocument(blocks: [])
    }

    /// The index's files, once every page has been added.
    public func files() -> [OutputFile] {
        var made = [[OutputFile]](repeating: [], count: parts.count)
        made.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSlots(buffer)
            DispatchQueue.concurrentPerform(iterations: parts.count) { index in
                let part = parts[index]
                let documents = Array(self.documents[index]).map { $0 ?? SearchDocument(blocks: []) }
                slots[index] = SearchIndexWriter(part: part, documents: documents, context: context).files()
            }
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
