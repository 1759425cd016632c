import SiteModel

/// A link or image written in content (a Markdown link, a site.yaml `nav`
/// path), with where it is written: where the link check reports it when it
/// leads nowhere from the page it ends up on.
public struct LinkSource: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case link, image
    }

    /// The target as written (cmark-gfm's reading of it: entities and backslash escapes resolved).
    public var url: String
    public var kind: Kind
    public var location: SourceLocation

    public init(url: String, kind: Kind, location: SourceLocation) {
        self.url = url
        self.kind = kind
        self.location = location
    }
}

/// What one page took from content beside its view: the links written in its
/// texts (for the link check) and the problems its Markdown fragments had.
public struct PageSources: Sendable {
    public var links: [LinkSource] = []
    public var diagnostics: [Diagnostic] = []

    public init(links: [LinkSource] = [], diagnostics: [Diagnostic] = []) {
        self.links = links
        self.diagnostics = diagnostics
    }
}

/// A page's content links by their target, percent-escapes decoded (cmark-gfm escapes what the
/// text wrote unescaped): the sources of an `href` found at once. A page of 8,000 links searched
/// the whole list for each one, and ran for minutes.
struct SourceIndex {
    private let byTarget: [String: [LinkSource]]

    init(_ sources: PageSources) {
        byTarget = sources.links.isEmpty ? [:] : Dictionary(grouping: sources.links) { LinkResolver.percentDecoded($0.url) }
    }

    var isEmpty: Bool { byTarget.isEmpty }

    /// The links content wrote on the page that `href` came from.
    func sources(of href: String) -> [LinkSource] {
        byTarget.isEmpty ? [] : byTarget[LinkResolver.percentDecoded(href)] ?? []
    }
}
