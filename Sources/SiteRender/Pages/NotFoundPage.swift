import SiteModel

/// `/404.html`: served by the web server for any missing path, at any depth,
/// so its links are root-relative (from base_url's path) and it speaks both
/// languages on one page.
enum NotFoundPage {
    static func view(_ context: RenderContext) -> TemplateObject {
        let theme = context.theme
        let base = context.site.site.basePath
        let options = context.options.baseURL.map { url -> String in
            var site = context.site.site
            site.baseURL = url.hasSuffix("/") ? url : url + "/"
            return site.basePath
        }
        let root = options ?? base
        return [
            .lang: .text(Language.zh.tag),
            .en_tag: .text(Language.en.tag),
            .root: .text(root),
            .site_title_zh: .text(context.site.site.title.localized(.zh).text),
            .site_title_en: .text(context.site.site.title.localized(.en).text),
            .t_zh: theme.stringsValue(in: .zh),
            .t_en: theme.stringsValue(in: .en),
            .home_zh: .text(root),
            .home_en: .text(root + "en/"),
            .plans_zh: .text(root + "plans/"),
            .plans_en: .text(root + "en/plans/"),
            .units_zh: .text(root + "units/"),
            .units_en: .text(root + "en/units/"),
            .hotlines: .objects(context.site.site.hotlines.map { [.number: .text($0.number), .dial: .text($0.dialString),
                                                                  .name_zh: .text($0.name.localized(.zh).text),
                                                                  .name_en: .text($0.name.localized(.en).text)] }),
        ]
    }
}
