import Foundation
import SiteModel

/// `/plans/<id>/`: the disclosure metadata, contents, text, responsibility
/// table and attachments of one plan.
enum PlanPage {
    /// What may stand unescaped in a URL path segment (RFC 3986 unreserved characters, and `()`).
    static let pathSegment = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~()")

    static func view(_ context: RenderContext, _ plan: Plan, _ language: Language) -> PageView {
        var page = PageBuilder(context, PageAddress(.plan(plan.id), language))
        var view: TemplateObject = [
            .title_html: .html(page.inline(plan.title)),
            .meta: .objects(metadata(plan, &page)),
            .banners: .objects(banners(plan, &page)),
        ]
        view[.revisions] = .objects(plan.revisions.reversed().map { revision in
            [.date: .text(page.date(revision.date)), .date_iso: .text(revision.date.description),
             .what_html: .html(page.inline(revision.what))]
        })
        view[.has_revisions] = .bool(!plan.revisions.isEmpty)
        if let letter = plan.coverLetter {
            view[.cover_letter_html] = .html(page.markdown(letter, origins: plan.coverLetterOrigins, footnotes: "cover-letter-"))
        }

        // The text: the translation when there is one, else the Chinese with a notice.
        let source = plan.body(in: language) ?? plan.body
        let rendered = page.body(source)
        let textIsFallback = language != .zh && plan.bodyEN == nil
        if textIsFallback { page.markFallback() }
        view[.text_html] = .html(textIsFallback ? TrustedHTML("<div lang=\"\(Language.zh.tag)\">\(rendered.html.html)</div>") : rendered.html)
        view[.text_pending] = .bool(textIsFallback)
        view[.has_text] = .bool(!source.text.allSatisfy(\.isWhitespace))
        let tocHeadings = rendered.headings.filter { $0.level <= 3 }
        view[.toc] = .objects(tocHeadings.map { heading in
            [.text: .text(heading.text), .anchor: .text(heading.anchor), .sub: .bool(heading.level >= 3),
             .is_fallback: .bool(textIsFallback), .text_lang: .text(Language.zh.tag)]
        })
        view[.has_toc] = .bool(!tocHeadings.isEmpty)

        view[.progress_href] = .text(page.href(.progress(plan.id)))
        if plan.reports.contains(where: { $0.asOf <= context.site.buildDate }) {
            view[.progress_summary] = .text(page.asOfText + (language == .zh ? "：" : ": ") + page.countsSentence(context.site.counts(plan)))
        }
        view[.table] = .object(ResponsibilityTable.view(plan, &page))
        view[.attachments] = .objects(plan.attachments.map { attachment in
            // The name as a URL path segment: `a b&c (1).pdf` → `a%20b%26c%20(1).pdf`, Chinese names as UTF-8 escapes.
            let segment = attachment.file.addingPercentEncoding(withAllowedCharacters: Self.pathSegment) ?? attachment.file
            let readable = attachment.readableCopyName.flatMap { copy in
                plan.attachments.contains { $0.file == copy } ? nil
                    : page.link(to: "plans/\(plan.id.rawValue)/attachments/"
                                        + (copy.addingPercentEncoding(withAllowedCharacters: Self.pathSegment) ?? copy))
            }
            return [.href: .text(page.link(to: "plans/\(plan.id.rawValue)/attachments/" + segment)),
                    .title_html: .html(page.inline(attachment.title)),
                    .file: .text(attachment.file),
                    .size: .text(page.fileSize(attachment.byteCount)),
                    .print_url: .text(context.baseURL + "plans/\(plan.id.rawValue)/attachments/" + segment),
                    .readable_href: readable.map { .text($0) }]
        })
        view[.has_attachments] = .bool(!plan.attachments.isEmpty)
        return page.layout("plan", title: page.plain(plan.title), description: page.plain(plan.summary),
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("plans_title"), .plans),
                                         (page.plain(plan.title), nil)],
                           article: page.planArticle(plan, title: page.plain(plan.title)),
                           page: view)
    }

    /// The disclosure box: 文号, 发布机构, 成文/发布日期, 索引号, 主题分类, 公开方式, 有效性…
    static func metadata(_ plan: Plan, _ page: inout PageBuilder) -> [TemplateObject] {
        var rows: [TemplateObject] = []
        func add(_ key: String, _ value: TrustedHTML?) {
            guard let value, !value.html.isEmpty else { return }
            rows.append([.label: .text(page.t(key)), .value_html: .html(value)])
        }
        add("meta_index_number", plan.indexNumber.map { TrustedHTML(text: $0) })
        add("meta_category", page.inline(plan.category))
        if let issuer = plan.issuer?.id.flatMap({ page.site.unit($0) }) {
            add("meta_issuer", TrustedHTML("<a href=\"\(escapeHTML(page.href(.unit(issuer.id))))\">\(page.inline(issuer.name).html)</a>"))
        }
        add("meta_doc_number", plan.docNumber.map { TrustedHTML(text: $0) })
        add("meta_issued", TrustedHTML(text: page.date(plan.issued)))
        add("meta_published", plan.published.map { TrustedHTML(text: page.date($0)) })
        add("meta_period", plan.period.map { TrustedHTML(text: page.period($0)) })
        add("meta_disclosure", page.inline(plan.disclosure))
        // 有效性 as stated, or as the period gives it at the build date; never assumed.
        if plan.statusBasis != .none { add("meta_status", TrustedHTML(text: page.statusLabel(plan.status))) }
        add("meta_level", plan.level.map { TrustedHTML(text: page.t("level_\($0.rawValue)")) })
        add("meta_recipients", page.inline(plan.recipients))
        add("meta_copies", plan.copies.map { TrustedHTML(text: page.language == .zh ? "\($0)份" : "\($0)") })
        add("meta_source_url", plan.sourceURL.map { url in
            TrustedHTML("<a class=\"url\" href=\"\(escapeHTML(url))\">\(escapeHTML(url))</a>")
        })
        if !plan.interpretations.isEmpty {
            let items = plan.interpretations.map { item -> String in
                let href = item.url ?? item.page.map { page.href(.page($0)) } ?? ""
                let printURL = item.url ?? item.page.map { page.absoluteURL(PageAddress(.page($0), page.language)) } ?? ""
                let date = item.date.map { "<span class=\"small\">\(escapeHTML(page.t("paren_open") + page.date($0) + page.t("paren_close")))</span>" } ?? ""
                return "<li><a href=\"\(escapeHTML(href))\" data-print-url=\"\(escapeHTML(printURL))\">\(page.inline(item.title).html)</a>\(date)</li>"
            }
            add("meta_interpretations", TrustedHTML("<ul class=\"plain-list\">\(items.joined())</ul>"))
        }
        for (key, references) in [("meta_supersedes", plan.relations.supersedes), ("meta_superseded_by", plan.relations.supersededBy),
                                  ("meta_amends", plan.relations.amends), ("meta_amended_by", plan.relations.amendedBy)] {
            let links = references.compactMap { page.site.plan($0.id) }.map { page.planLink($0).html }
            add(key, links.isEmpty ? nil : TrustedHTML(links.joined(separator: page.language == .zh ? "；" : "; ")))
        }
        // The box's other rows, as the document prints them.
        for row in plan.extraMetadata {
            let value = page.inline(row.value)
            guard !value.html.isEmpty else { continue }
            _ = page.inline(row.label)  // marks the page when the label has no translation
            rows.append([.label: .text(page.plain(row.label)), .value_html: .html(value)])
        }
        return rows
    }

    /// The notices above the box of a plan that a later one replaced or changed.
    static func banners(_ plan: Plan, _ page: inout PageBuilder) -> [TemplateObject] {
        var banners: [TemplateObject] = []
        let replacing = plan.relations.supersededBy.compactMap { page.site.plan($0.id) }
        if !replacing.isEmpty {
            let links = replacing.map { page.planLink($0).html }.joined(separator: page.language == .zh ? "、" : ", ")
            banners.append([.class: .text("superseded"),
                            .text_html: .html(TrustedHTML(escapeHTML(page.t("banner_superseded_before")) + links + escapeHTML(page.t("banner_superseded_after"))))])
        }
        let amending = plan.relations.amendedBy.compactMap { page.site.plan($0.id) }
        if !amending.isEmpty {
            let links = amending.map { page.planLink($0).html }.joined(separator: page.language == .zh ? "、" : ", ")
            banners.append([.class: .text("amended"),
                            .text_html: .html(TrustedHTML(escapeHTML(page.t("banner_amended_before")) + links + escapeHTML(page.t("banner_amended_after"))))])
        }
        return banners
    }
}

extension PageBuilder {
    /// A link to a plan: its title in book-title marks (Chinese) or italics, and its 文号.
    mutating func planLink(_ plan: Plan) -> TrustedHTML {
        let title = inline(plan.title).html
        let quoted = language == .zh ? "《\(title)》" : "<i>\(title)</i>"
        var number = ""
        if let docNumber = plan.docNumber {
            let text = language == .zh ? escapeHTML(docNumber) : "<span lang=\"\(Language.zh.tag)\">\(escapeHTML(docNumber))</span>"
            number = escapeHTML(t("paren_open")) + text + escapeHTML(t("paren_close"))
        }
        return TrustedHTML("<a href=\"\(escapeHTML(href(.plan(plan.id))))\">\(quoted)</a>\(number)")
    }

    /// The page metadata of a plan and of its task and progress pages.
    func planArticle(_ plan: Plan, title: String, date: Day? = nil, keywords: [String]? = nil) -> ArticleMetadata {
        var words: [String] = []
        if let category = plan.category { words.append(plain(category)) }
        words += tagNames(plan.tasks.flatMap(\.tags))
        return ArticleMetadata(title: title, date: date ?? plan.published ?? plan.issued, source: issuerName(plan),
                               keywords: keywords ?? words)
    }
}

extension PageBuilder {
    /// Task tags in the site's vocabulary order (then the others, sorted), each once, in the page's
    /// language where the vocabulary gives it.
    func tagNames(_ tags: [String]) -> [String] {
        let present = Set(tags)
        let vocabulary = site.site.tags.filter { $0.name.zh.map(present.contains) == true }
        let known = Set(vocabulary.compactMap(\.name.zh))
        return vocabulary.map { plain($0.name) } + present.subtracting(known).sorted()
    }
}
