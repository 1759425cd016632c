/// site.yaml: the site as a whole.
public struct SiteConfig: Sendable, Equatable {
    public var title: BilingualText
    public var description: BilingualText?
    /// Absolute, ending with `/`, e.g. `https://work-safety.example.org/`.
    public var baseURL: String
    public var languages: [Language]
    public var region: BilingualText?
    public var publisher: BilingualText?
    /// True when figures on the site are examples, not official data.
    public var isSample: Bool
    public var hotlines: [Hotline]
    public var channels: [ReportingChannel]
    public var nav: [NavItem]
    public var tags: [TagDefinition]
    /// The date figures are computed at, when the content fixes it (`build_date`).
    public var buildDate: Day?

    public init(title: BilingualText, description: BilingualText? = nil, baseURL: String,
                languages: [Language] = [.zh, .en], region: BilingualText? = nil,
                publisher: BilingualText? = nil, isSample: Bool = false, hotlines: [Hotline] = [],
                channels: [ReportingChannel] = [], nav: [NavItem] = [], tags: [TagDefinition] = []) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.languages = languages
        self.region = region
        self.publisher = publisher
        self.isSample = isSample
        self.hotlines = hotlines
        self.channels = channels
        self.nav = nav
        self.tags = tags
    }

    /// The path part of `base_url`, e.g. `/` or `/safety/`; root-relative links start with it.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        let path = String(rest[slash...])
        return path.hasSuffix("/") ? path : path + "/"
    }
}

/// A hotline residents can call: 12350, 12345…
public struct Hotline: Sendable, Hashable {
    /// As dialled: digits, `+`, `-` and spaces.
    public var number: String
    public var name: BilingualText
    /// What to call it for.
    public var use: BilingualText?
    public var hours: BilingualText?

    public init(number: String, name: BilingualText, use: BilingualText? = nil, hours: BilingualText? = nil) {
        self.number = number
        self.name = name
        self.use = use
        self.hours = hours
    }

    /// The number for a `tel:` link: digits and a leading `+` only.
    public var dialString: String {
        String(number.unicodeScalars.filter { ("0"..."9").contains($0) || $0 == "+" }.map(Character.init))
    }
}

/// Another way to report, such as the 随申拍 app.
public struct ReportingChannel: Sendable, Hashable {
    public var name: BilingualText
    public var how: BilingualText?

    public init(name: BilingualText, how: BilingualText? = nil) {
        self.name = name
        self.how = how
    }
}

/// An entry of the main navigation.
public struct NavItem: Sendable, Hashable {
    public var title: BilingualText
    /// Site-relative, no leading slash: `plans/`.
    public var path: String
    /// Where `path` is written in site.yaml (nil for the default navigation).
    public var location: SourceLocation?

    public init(title: BilingualText, path: String, location: SourceLocation? = nil) {
        self.title = title
        self.path = path
        self.location = location
    }
}

/// A tag of the vocabulary (行业领域), e.g. 消防 / Fire safety.
public struct TagDefinition: Sendable, Hashable {
    public var name: BilingualText

    public init(name: BilingualText) {
        self.name = name
    }
}
