/// A page as search sees it: the visible text of its `<main>` element, in
/// blocks (paragraphs, list items, table cells, headings) in reading order,
/// each in the field it ranks in. The text is read from the page's own HTML,
/// so what search finds is exactly what the page shows; what the page marks
/// `data-search-ignore` (breadcrumbs, the sample-data and translation
/// notices), scripts, styles and SVG drawings (whose titles repeat the tables
/// beside them) are left out.
struct SearchDocument: Sendable {
    /// Where a text sits, which decides how a hit in it ranks.
    enum Field: Int, Sendable, CaseIterable {
        /// The page's `<h1>`.
        case title = 0
        /// `<h2>`–`<h6>`.
        case heading = 1
        case body = 2
    }

    struct Block: Sendable, Equatable {
        var field: Field
        var text: String
    }

    var blocks: [Block]

    /// The page's title as its `<h1>` shows it.
    var title: String {
        blocks.filter { $0.field == .title }.map(\.text).joined(separator: " ")
    }

    /// Everything but the title, blocks separated by a line feed (what excerpts are cut from).
    var text: String {
        blocks.filter { $0.field != .title }.map(\.text).joined(separator: "\n")
    }
}
