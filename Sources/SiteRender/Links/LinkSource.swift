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
