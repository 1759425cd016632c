import SiteModel

/// What a content page (a plan, a task, a notice…) tells portals and inspection crawlers
/// about itself, beyond the site and its column: the page metadata of the national
/// government-website guidelines (政府网站发展指引, 国办发〔2017〕47号, its page metadata
/// table; GB/T 42147-2022 names the same elements for archiving web pages).
struct ArticleMetadata {
    /// ArticleTitle.
    var title: String
    /// PubDate: the day it was published. Content gives no clock time, so none is written.
    var date: Day?
    /// ContentSource: the body the information comes from (a plan's issuer).
    var source: String?
    /// Keywords, in a fixed order.
    var keywords: [String] = []
}

extension PageBuilder {
    /// `<meta name=… content=…>` pairs, in the guidelines' order: the site (SiteName, SiteDomain,
    /// SiteIDCode), the column (ColumnName, ColumnDescription), the article (ArticleTitle,
    /// PubDate, ContentSource, Keywords), then Description and Url. Values that the content does
    /// not give are left out, never filled with a guess.
    func pageMetadata(description: String, article: ArticleMetadata?, siteName: String? = nil) -> TemplateValue {
        var tags: [TemplateObject] = []
        func add(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            tags.append([.name: .text(name), .content: .text(value)])
        }
        add("SiteName", siteName ?? plain(site.site.title))
        add("SiteDomain", context.siteDomain)
        add("SiteIDCode", site.site.identity.siteCode)
        let column = self.column()
        add("ColumnName", column.name)
        add("ColumnDescription", column.description)
        if let article {
            add("ArticleTitle", article.title)
            add("PubDate", article.date?.description)
            add("ContentSource", article.source)
            add("Keywords", article.keywords.isEmpty ? nil : article.keywords.joined(separator: ","))
        }
        add("Description", description)
        add("Url", absoluteURL(address))
        return .objects(tags)
    }

    /// The host of an absolute URL: `https://work-safety.example.org/x/` → `work-safety.example.org`.
    /// Bytes, not Foundation's `range(of:)`: it runs for every page (bridged, it was a
    /// fortieth of the build).
    static func domain(of url: String) -> String? {
        let bytes = url.utf8
        guard let schemeEnd = bytes.firstRange(of: "://".utf8) else { return nil }
        let rest = bytes[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        let withoutUser = String(Substring(host.split(separator: UInt8(ascii: "@")).last ?? host))
        return withoutUser.isEmpty ? nil : withoutUser
    }

    /// The column (栏目) the page belongs to: its name as the navigation shows it, and what it
    /// holds. A site's own `nav` names it when one of its entries leads there.
    func column() -> (name: String, description: String?) {
        let (key, intro, path): (String, String?, String) = switch address.route {
        case .home: ("nav_home", nil, "")
        case .plans, .plan, .task, .progress: ("nav_plans", "plans_intro", "plans/")
        case .units, .unit: ("nav_units", "units_intro", "units/")
        case .hazards: ("nav_hazards", "hazards_intro", "hazards/")
        case .statistics: ("nav_statistics", "statistics_intro", "statistics/")
        case .notices, .notice: ("nav_notices", "notices_intro", "notices/")
        case .report: ("nav_report", nil, "report/")
        case .data: ("nav_data", "data_intro", "data/")
        case .search: ("nav_search", nil, "search/")
        case .translationStatus: ("translation_status_title", "translation_status_intro", "translation-status/")
        case .page(let slug): ("", nil, "pages/\(slug)/")
        }
        var name = key.isEmpty ? "" : t(key)
        if let item = site.site.nav.first(where: { $0.path == path }) { name = plain(item.title) }
        if case .page(let slug) = address.route, name.isEmpty { name = plain(site.page(slug)?.title) }
        var description = intro.map { t($0) }
        if case .home = address.route { description = plain(site.site.description) }
        return (name, description)
    }

    /// ContentSource of a plan and its pages: the issuing unit's full name.
    func issuerName(_ plan: Plan) -> String? {
        plan.issuer?.id.flatMap { site.unit($0) }.map { plain($0.name) }
    }

    /// The footer's identity rows (主办单位, 承办单位, 网站标识码, contact) and filings.
    func footerIdentity() -> (rows: [TemplateObject], filings: [TemplateObject]) {
        let identity = site.site.identity
        var rows: [TemplateObject] = []
        func add(_ key: String, _ html: String?) {
            guard let html, !html.isEmpty else { return }
            rows.append([.label: .text(t(key)), .value_html: .html(TrustedHTML(html))])
        }
        add("footer_sponsor", identity.sponsor.map { chineseMarked($0) })
        add("footer_organizer", identity.organizer.map { chineseMarked($0) })
        add("footer_site_code", identity.siteCode.map { escapeHTML($0) })
        if let contact = identity.contact {
            if let phone = contact.phone, let dial = contact.dialString {
                add("footer_phone", "<a href=\"tel:\(escapeHTML(dial))\">\(escapeHTML(phone))</a>")
            }
            if let email = contact.email {
                add("footer_email", "<a href=\"mailto:\(escapeHTML(email))\">\(escapeHTML(email))</a>")
            }
            add("footer_address", contact.address.map { chineseMarked($0) })
        }
        var filings: [TemplateObject] = []
        for (key, filing) in [("footer_icp", identity.icp), ("footer_police_filing", identity.policeFiling)] {
            guard let filing else { continue }
            // The number is Chinese as issued (沪ICP备…号): marked so on English pages.
            let number = language == .zh ? escapeHTML(filing.number) : "<span lang=\"\(Language.zh.tag)\">\(escapeHTML(filing.number))</span>"
            let html = filing.url.map { "<a href=\"\(escapeHTML($0))\">\(number)</a>" } ?? number
            filings.append([.label: .text(t(key)), .value_html: .html(TrustedHTML(html))])
        }
        return (rows, filings)
    }

    /// Text in the page's language; Chinese on an English page marked `lang` (a name that has no
    /// English form is not a pending translation, so the page is not marked).
    func chineseMarked(_ text: BilingualText) -> String {
        let localized = text.localized(language)
        if localized.language != language {
            return "<span lang=\"\(localized.language.tag)\">\(escapeHTML(localized.text))</span>"
        }
        return escapeHTML(localized.text)
    }
}
