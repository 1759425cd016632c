import SiteModel

/// `/notices/<slug>/` and `/pages/<slug>/`: one notice or free page, its text
/// in the page's language or the Chinese with a "translation pending" notice.
enum ArticlePage {
    static func view(_ context: RenderContext, _ article: Article, _ route: PageRoute, _ language: Language) -> [String: Any] {
        var page = PageBuilder(context, PageAddress(route, language))
        var view: [String: Any] = [:]
        view["title_html"] = page.inline(article.title)
        let body = page.articleBody(article)
        view.merge(body) { _, new in new }
        if let date = article.date {
            view["date"] = page.date(date)
            view["date_iso"] = date.description
        }
        view["tags"] = article.tags.map { ["tag": $0] }
        view["has_tags"] = !article.tags.isEmpty
        var crumbs: [(String, PageRoute?)] = [(page.t("nav_home"), .home)]
        if article.kind == .notice { crumbs.append((page.t("notices_title"), .notices(1))) }
        crumbs.append((page.plain(article.title), nil))
        view["is_notice"] = article.kind == .notice
        // A notice is the site's own: its source is the body that runs the site, when site.yaml names it.
        let metadata = ArticleMetadata(title: page.plain(article.title), date: article.date,
                                       source: context.site.site.identity.sponsor.map { page.plain($0) },
                                       keywords: page.tagNames(article.tags))
        return page.layout(title: page.plain(article.title), description: page.plain(article.summary),
                           breadcrumbs: crumbs, article: metadata, page: view)
    }
}

extension PageBuilder {
    /// An article's body in the page's language: `text_html`, `text_pending`, `toc`.
    mutating func articleBody(_ article: Article) -> [String: Any] {
        let source = article.body(in: language) ?? article.body
        let rendered = body(source)
        let fallback = language != .zh && article.bodyEN == nil
        if fallback { markFallback() }
        var view: [String: Any] = [:]
        view["text_html"] = fallback ? TrustedHTML("<div lang=\"\(Language.zh.tag)\">\(rendered.html.html)</div>") : rendered.html
        view["text_pending"] = fallback
        view["toc"] = rendered.headings.filter { $0.level == 2 }.map { ["text": $0.text, "anchor": $0.anchor] }
        return view
    }
}
