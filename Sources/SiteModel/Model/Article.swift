/// A notice (`notices/<YYYY-MM-DD>-<slug>.md`) or a free page
/// (`pages/<slug>.md`), each with an optional English file beside it
/// (`….en.md`).
public struct Article: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case notice
        case page
    }

    public var kind: Kind
    /// The URL segment: for notices the file name without `.md` (date included), for pages the file name.
    public var slug: String
    public var title: BilingualText
    /// A notice's date (from its file name); a page's `date:`, when it gives one.
    public var date: Day?
    public var tags: [String]
    public var summary: BilingualText?
    public var body: MarkdownSource
    public var bodyEN: MarkdownSource?
    public var location: SourceLocation
    /// `draft: true`: built only with `--drafts`.
    public var isDraft = false

    public init(kind: Kind, slug: String, title: BilingualText, date: Day? = nil, tags: [String] = [],
                summary: BilingualText? = nil, body: MarkdownSource, bodyEN: MarkdownSource? = nil, location: SourceLocation) {
        self.kind = kind
        self.slug = slug
        self.title = title
        self.date = date
        self.tags = tags
        self.summary = summary
        self.body = body
        self.bodyEN = bodyEN
        self.location = location
    }

    /// The body in `language`, nil when that translation is missing.
    public func body(in language: Language) -> MarkdownSource? {
        language == .zh ? body : bodyEN
    }
}

/// The files of one article: the Chinese file and its English companion.
public struct ArticleFiles: Sendable {
    public var kind: Article.Kind
    /// The file name without `.md`.
    public var stem: String
    public var zh: SourceFile?
    public var en: SourceFile?

    public init(kind: Article.Kind, stem: String, zh: SourceFile? = nil, en: SourceFile? = nil) {
        self.kind = kind
        self.stem = stem
        self.zh = zh
        self.en = en
    }
}
