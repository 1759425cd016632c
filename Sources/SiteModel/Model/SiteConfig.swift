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
    /// Who runs the site, as government websites state it in every page's footer.
    public var identity = SiteIdentity()
    /// Chinese public holidays and adjusted working days (`holidays.yaml`), for the inspection's
    /// count of working days.
    public var holidays: HolidayCalendar?

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

/// The site's identity, shown in every page's footer and read by inspection crawlers:
/// 主办单位, 承办单位, 网站标识码, ICP备案号, 公安机关备案号 and how to get in touch.
public struct SiteIdentity: Sendable, Hashable {
    /// 主办单位: the body the site belongs to.
    public var sponsor: BilingualText?
    /// 承办单位: the office that runs it.
    public var organizer: BilingualText?
    /// 网站标识码: the code the national government-website directory gives the site (10 characters).
    public var siteCode: String?
    /// ICP备案号, with its link (the MIIT filing system unless stated).
    public var icp: Filing?
    /// 公安机关备案号 (公网安备), with its link.
    public var policeFiling: Filing?
    public var contact: Contact?
    /// `tool_credit: true`: the footer names the tool that built the site (off by default).
    public var showsToolCredit = false

    public init() {}

    public var isEmpty: Bool {
        sponsor == nil && organizer == nil && siteCode == nil && icp == nil && policeFiling == nil && contact == nil
    }
}

/// A filing number as the authority issued it (沪ICP备12345678号-1), and where to look it up.
public struct Filing: Sendable, Hashable {
    public var number: String
    public var url: String?

    public init(number: String, url: String? = nil) {
        self.number = number
        self.url = url
    }
}

/// 联系我们: how readers reach the office that runs the site.
public struct Contact: Sendable, Hashable {
    public var phone: String?
    public var email: String?
    public var address: BilingualText?

    public init(phone: String? = nil, email: String? = nil, address: BilingualText? = nil) {
        self.phone = phone
        self.email = email
        self.address = address
    }

    /// The number for a `tel:` link: digits and a leading `+` only.
    public var dialString: String? {
        phone.map { String($0.unicodeScalars.filter { ("0"..."9").contains($0) || $0 == "+" }.map(Character.init)) }
    }
}
