/// How a text's footnotes (GFM `[^1]`) are named on the page it is shown on:
/// each text on a page (a plan's body, its cover letter, each task's
/// requirements in the responsibility table) numbers its footnotes from 1, so
/// each gets its own prefix; the link back from a footnote is labelled in the
/// page's language.
public struct FootnoteNames: Sendable, Hashable {
    /// Put before cmark-gfm's ids `fn-1` and `fnref-1`.
    public var prefix: String
    /// The back link's `aria-label` (cmark-gfm writes "Back to content").
    public var backLabel: String?

    public init(prefix: String = "", backLabel: String? = nil) {
        self.prefix = prefix
        self.backLabel = backLabel
    }

    /// A link's target as the HTML will hold it: `#fn-1` → `#<prefix>fn-1`.
    func rename(_ url: String) -> String {
        guard !prefix.isEmpty, url.hasPrefix("#fn") else { return url }
        return url.hasPrefix("#fn-") || url.hasPrefix("#fnref-") ? "#" + prefix + url.dropFirst() : url
    }

    /// cmark-gfm's footnote markup with the prefix and the label. Raw HTML is filtered, so
    /// these attributes in its output are its own (or a link's target, renamed the same way).
    func apply(to html: String) -> String {
        var html = html
        if !prefix.isEmpty {
            for (from, to) in [("href=\"#fn-", "href=\"#\(prefix)fn-"), ("id=\"fn-", "id=\"\(prefix)fn-"),
                               ("href=\"#fnref-", "href=\"#\(prefix)fnref-"), ("id=\"fnref-", "id=\"\(prefix)fnref-")] {
                html = html.replacingOccurrences(of: from, with: to)
            }
        }
        if let backLabel {
            html = html.replacingOccurrences(of: "aria-label=\"Back to content\"", with: "aria-label=\"\(escapeHTML(backLabel))\"")
        }
        return html
    }
}
