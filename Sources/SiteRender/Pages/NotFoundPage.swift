import SiteModel

/// `/404.html`: served by the web server for any missing path, at any depth,
/// so its links are root-relative (from base_url's path) and it speaks both
/// languages on one page.
enum NotFoundPage {
    static func view(_ context: RenderContext) -> [String: Any] {
        let strings = context.theme.strings
        let base = context.site.site.basePath
        let options = context.options.baseURL.map { url -> String in
            var site = context.site.site
            site.baseURL = url.hasSuffix("/") ? url : url + "/"
            return site.basePath
        }
        let root = options ?? base
        return [
            "lang": Language.zh.tag,
            "en_tag": Language.en.tag,
            "root": root,
            "site_title_zh": context.site.site.title.localized(.zh).text,
            "site_title_en": context.site.site.title.localized(.en).text,
            "t_zh": strings.strings(in: .zh),
            "t_en": strings.strings(in: .en),
            "home_zh": root,
            "home_en": root + "en/",
            "plans_zh": root + "plans/",
            "plans_en": root + "en/plans/",
            "units_zh": root + "units/",
            "units_en": root + "en/units/",
            "hotlines": context.site.site.hotlines.map { ["number": $0.number, "dial": $0.dialString,
                                                          "name_zh": $0.name.localized(.zh).text,
                                                          "name_en": $0.name.localized(.en).text] },
        ]
    }
}
