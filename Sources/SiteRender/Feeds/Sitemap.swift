import SiteModel

/// `sitemap.xml` with each page's language alternates, and `robots.txt`.
enum Sitemap {
    static func xml(routes: [PageRoute], context: RenderContext) -> String {
        var xml = XMLWriter()
        xml.start("urlset", [("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"),
                             ("xmlns:xhtml", "http://www.w3.org/1999/xhtml")])
        for route in routes {
            for language in context.languages {
                xml.start("url")
                xml.element("loc", context.baseURL + PageAddress(route, language).path)
                for alternate in context.languages {
                    xml.empty("xhtml:link", [("rel", "alternate"), ("hreflang", alternate.tag),
                                             ("href", context.baseURL + PageAddress(route, alternate).path)])
                }
                xml.end()
            }
        }
        xml.end()
        return xml.text
    }

    static func robots(context: RenderContext) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(context.baseURL)sitemap.xml\n"
    }
}
