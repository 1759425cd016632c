import SiteModel

/// `/notices/<slug>/` and `/pages/<slug>/`: one notice or free page, its text
/// in the page's language or the Chinese with a "translation pending" notice.
enum ArticlePage {
    static func view(_ context: RenderContext, _ article: Article, _ route: PageRoute, _ language: Language) -> PageView {
        var page = PageBuilder(context, PageAddress(route, language))
        var view: TemplateObject = [.title_html: .html(page.inline(article.title))]
        view = view.merging(page.articleBody(article))
        if let date = article.date {
            view[.date] = .text(page.date(date))
            view[.date_iso] = .text(date.description)
        }
        view[.tags] = .objects(article.tags.map { [.tag: .text($0)] })
        view[.has_tags] = .bool(!article.tags.isEmpty)
        var crumbs: [(String, PageRoute?)] = [(page.t("nav_home"), .home)]
        if article.kind == .notice { crumbs.append((page.t("notices_title"), .notices(1))) }
        crumbs.append((page.plain(article.title), nil))
        view[.is_notice] = .bool(article.kind == .notice)
        // A notice is the site's own: its source is the body that runs the site, when site.yaml names it.
        let metadata = ArticleMetadata(title: page.plain(article.title), date: article.date,
                                       source: context.site.site.identity.sponsor.map { page.plain($0) },
                                       keywords: page.tagNames(article.tags))
        return page.layout("article", title: page.plain(article.title), description: page.plain(article.summary),
                           breadcrumbs: crumbs, article: metadata, page: view)
    }
}

extension PageBuilder {
    /// An article's body in the page's language: `text_html`, `text_pending`, `toc`.
    mutating func articleBody(_ article: Article) -> TemplateObject {
        let source = article.body(in: language) ?? article.body
        let rendered = body(source)
        let fallback = language != .zh && article.bodyEN == nil
        if fallback { markFallback() }
        return [
            .text_html: .html(fallback ? TrustedHTML("<div lang=\"\(Language.zh.tag)\">\(rendered.html.html)</div>") : rendered.html),
            .text_pending: .bool(fallback),
            .toc: .objects(rendered.headings.filter { $0.level == 2 }.map { [.text: .text($0.text), .anchor: .text($0.anchor)] }),
        ]
    }
}
